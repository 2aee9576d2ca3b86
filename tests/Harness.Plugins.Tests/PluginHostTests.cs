using System.Runtime.Loader;
using Harness.Backends;

namespace Harness.Plugins.Tests;

public class PluginHostTests
{
    [Test]
    public void Host_loads_Replay_and_Retrieval_from_their_built_folders_each_in_its_own_context()
    {
        var host = BuiltPlugins.LoadHost(BuiltPlugins.PluginsDirectory);

        var names = host.Backends.Select(b => b.Name).ToList();
        Assert.That(names, Does.Contain("Replay").And.Contain("Retrieval"));
        foreach (var backend in host.Backends.Where(b => b.Name is "Replay" or "Retrieval"))
        {
            var context = AssemblyLoadContext.GetLoadContext(backend.Factory.GetType().Assembly);
            Assert.That(context, Is.Not.SameAs(AssemblyLoadContext.Default), backend.Name);
            Assert.That(backend.Version, Does.Match(@"^\d+\.\d+\.\d+"), backend.Name);
            Assert.That(backend.Factory.Options, Is.Not.Empty, backend.Name);
        }
        var contexts = host.Backends.Select(b => AssemblyLoadContext.GetLoadContext(b.Factory.GetType().Assembly)).Distinct().Count();
        Assert.That(contexts, Is.EqualTo(host.Backends.Length), "one load context per plugin");
    }

    [Test]
    public void Plugins_share_the_hosts_contract_assembly()
    {
        var host = BuiltPlugins.LoadHost(BuiltPlugins.PluginsDirectory);

        var factoryInterface = host.Catalog.Find("Replay", "test").Factory.GetType().GetInterfaces().Single(i => i.Name == nameof(IBackendFactory));

        Assert.That(factoryInterface, Is.SameAs(typeof(IBackendFactory)));
    }

    [Test]
    public void A_plugin_that_throws_at_load_time_is_reported_with_its_reason_and_the_others_still_load()
    {
        var host = BuiltPlugins.LoadHost(BuiltPlugins.TestPluginsDirectory, BuiltPlugins.PluginsDirectory);

        var failure = host.Failures.SingleOrDefault(f => f.Name == "ThrowingPlugin");
        Assert.That(failure, Is.Not.Null, "ThrowingPlugin should be reported as a failure");
        Assert.That(failure!.Reason, Does.Contain("ThrowingPlugin refuses to load"));
        Assert.That(host.Catalog.TryFind("Replay"), Is.Not.Null);
        Assert.That(host.Catalog.TryFind("Throwing"), Is.Null);
    }

    [Test]
    public void A_file_that_is_not_an_assembly_and_an_assembly_without_a_factory_are_reported()
    {
        using var data = new TestData();
        Directory.CreateDirectory(Path.Combine(data.Folder, "Garbage"));
        File.WriteAllText(Path.Combine(data.Folder, "Garbage", "Garbage.dll"), "not an assembly");
        Directory.CreateDirectory(Path.Combine(data.Folder, "NoFactory"));
        File.Copy(typeof(Assert).Assembly.Location, Path.Combine(data.Folder, "NoFactory", "NoFactory.dll"));
        Directory.CreateDirectory(Path.Combine(data.Folder, "Empty"));

        var host = PluginHost.Load([data.Folder]);

        var reasons = host.Failures.ToDictionary(f => f.Name, f => f.Reason);
        Assert.That(reasons.Keys, Is.EquivalentTo(new[] { "Garbage", "NoFactory", "Empty" }));
        Assert.That(reasons["Garbage"], Does.Contain("not a .NET assembly"));
        Assert.That(reasons["NoFactory"], Does.Contain("no public IBackendFactory"));
        Assert.That(reasons["Empty"], Does.Contain("no Empty.dll"));
    }

    [Test]
    public void Backend_lookup_ignores_case_and_an_unknown_name_lists_the_valid_ones()
    {
        var catalog = BuiltPlugins.LoadHost(BuiltPlugins.PluginsDirectory).Catalog;

        Assert.That(catalog.Find("rEpLaY", "eval.yaml: backends[0].plugin").Name, Is.EqualTo("Replay"));
        var error = Assert.Throws<InputException>(() => catalog.Find("Onyx", "eval.yaml: backends[0].plugin"));
        Assert.That(error!.Message, Does.Contain("eval.yaml: backends[0].plugin").And.Contain("'Onyx'").And.Contain("Replay").And.Contain("Retrieval"));
    }

    [Test]
    public void Earlier_directories_win_when_two_hold_a_plugin_of_the_same_name()
    {
        using var data = new TestData();
        Directory.CreateDirectory(Path.Combine(data.Folder, "Replay"));
        File.WriteAllText(Path.Combine(data.Folder, "Replay", "Replay.dll"), "shadowing copy");

        var host = PluginHost.Load([data.Folder, BuiltPlugins.PluginsDirectory]);

        Assert.That(host.Failures.Select(f => f.Name), Does.Contain("Replay"));
        Assert.That(host.Catalog.TryFind("Replay"), Is.Null);
    }

    [Test]
    public void Default_directories_put_the_explicit_one_first_then_the_environment_then_the_repository()
    {
        var dirs = PluginDirectories.Default(BuiltPlugins.TestPluginsDirectory);

        Assert.That(dirs[0], Is.EqualTo(BuiltPlugins.TestPluginsDirectory));
        Assert.That(dirs[^1], Is.EqualTo(BuiltPlugins.PluginsDirectory));
    }

    [Test]
    public void An_explicit_plugin_folder_that_does_not_exist_is_an_input_error()
    {
        var error = Assert.Throws<InputException>(() => PluginDirectories.Default("no/such/plugins"));

        Assert.That(error!.Message, Does.StartWith("--plugins no/such/plugins: folder not found"));
    }
}
