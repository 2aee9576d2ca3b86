using System.Collections.Immutable;
using Harness.Rendering;

namespace Harness.Annotation;

/// <summary>One sampled intent of an annotation study: the photo it is shown on, the teacher's edit and each backend's, under blind labels.</summary>
/// <param name="IntentId">The dataset row's id.</param>
/// <param name="Intent">The user's words.</param>
/// <param name="Photo">Which sample photo (index into the study's photos).</param>
/// <param name="Teacher">The teacher's three tools as the renderer applies them.</param>
/// <param name="Renders">A, B, ... in the shuffled order shown: each label's backend and its edit.</param>
public sealed record AnnotationItem(string IntentId, string Intent, int Photo, RenderSettings Teacher, ImmutableArray<BlindRender> Renders);

/// <summary>A backend's edit under its blind label in one item.</summary>
public sealed record BlindRender(string Label, string Backend, RenderSettings Settings);
