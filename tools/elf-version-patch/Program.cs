using ElfVersionPatch;

// elf-version-patch FILE [--version NAME] [--system-library PATH]
// Exit codes: 0 patched or nothing to do (a line says which), 2 refused or bad usage (nothing written).
const string usage = "usage: elf-version-patch FILE [--version GLIBCXX_3.4.32] [--system-library PATH]";
string? file = null, systemLibrary = null;
var version = "GLIBCXX_3.4.32";
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--version" when i + 1 < args.Length: version = args[++i]; break;
        case "--system-library" when i + 1 < args.Length: systemLibrary = args[++i]; break;
        case var a when !a.StartsWith("--", StringComparison.Ordinal) && file is null: file = a; break;
        default: Console.Error.WriteLine(usage); return 2;
    }
}
if (file is null)
{
    Console.Error.WriteLine(usage);
    return 2;
}
try
{
    Console.WriteLine(Patcher.Run(file, version, systemLibrary));
    return 0;
}
catch (ElfFormatException e)
{
    Console.Error.WriteLine($"error: {file}: {e.Message}; left unchanged.");
    return 2;
}
catch (IOException e)
{
    Console.Error.WriteLine($"error: {file}: {e.Message}");
    return 2;
}
