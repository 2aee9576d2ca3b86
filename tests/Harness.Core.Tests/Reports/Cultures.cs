using System.Globalization;

namespace Harness.Core.Tests.Reports;

/// <summary>Runs code under a given current culture, to show written files do not depend on it.</summary>
public static class Cultures
{
    /// <summary>Runs <paramref name="render"/> with <paramref name="culture"/> ("" = invariant) as the current culture.</summary>
    public static T Run<T>(string culture, Func<T> render)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return render();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
