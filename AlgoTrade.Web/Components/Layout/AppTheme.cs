using MudBlazor;

namespace AlgoTrade.Web.Components.Layout;

public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            Secondary = "#546e7a",
            Success = "#2e7d32",
            Error = "#c62828",
            AppbarBackground = "#0d2847",
            Background = "#f5f7fa",
            DrawerBackground = "#ffffff",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#64b5f6",
            Secondary = "#90a4ae",
            Success = "#66bb6a",
            Error = "#ef5350",
            AppbarBackground = "#0b1a2b",
            Background = "#101820",
            Surface = "#17222e",
            DrawerBackground = "#131d28",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
