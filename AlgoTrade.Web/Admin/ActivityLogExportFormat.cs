namespace AlgoTrade.Web.Admin;

public enum ActivityLogExportFormat
{
    Csv,
    JsonLines,
}
