using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AlgoTrade.Core.Admin;
using AlgoTrade.Core.Domain;

namespace AlgoTrade.Web.Admin;

/// <summary>Writes export rows straight into the response's buffer writer, one row at a time.</summary>
public static class ActivityLogExportWriter
{
    public const string CsvHeader = "id,timestamp,level,user_id,user_email,bot_id,bot_name,message,details\n";

    public static void WriteCsvHeader(IBufferWriter<byte> output) => Encoding.UTF8.GetBytes(CsvHeader, output);

    public static void WriteCsvRow(IBufferWriter<byte> output, ActivityLogRow row)
    {
        var line = new StringBuilder(256)
            .Append(row.Id.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(row.Timestamp.ToString("O", CultureInfo.InvariantCulture)).Append(',')
            .Append(row.Level.ToText()).Append(',')
            .Append(row.UserId.ToString(CultureInfo.InvariantCulture)).Append(',');
        AppendCsvText(line, row.UserEmail).Append(',')
            .Append(row.BotId.ToString(CultureInfo.InvariantCulture)).Append(',');
        AppendCsvText(line, row.BotName).Append(',');
        AppendCsvText(line, row.Message).Append(',');
        if (row.DetailsJson is not null) AppendCsvText(line, row.DetailsJson);
        line.Append('\n');
        foreach (var chunk in line.GetChunks())
            Encoding.UTF8.GetBytes(chunk.Span, output);
    }

    /// <summary>Always quoted; a leading =, +, -, @, tab or CR gets an apostrophe so spreadsheets never run it as a formula.</summary>
    private static StringBuilder AppendCsvText(StringBuilder line, string value)
    {
        line.Append('"');
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            line.Append('\'');
        line.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        return line.Append('"');
    }

    public static void WriteJsonLine(IBufferWriter<byte> output, ActivityLogRow row)
    {
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteNumber("id", row.Id);
            json.WriteString("timestamp", row.Timestamp);
            json.WriteString("level", row.Level.ToText());
            json.WriteNumber("userId", row.UserId);
            json.WriteString("userEmail", row.UserEmail);
            json.WriteNumber("botId", row.BotId);
            json.WriteString("botName", row.BotName);
            json.WriteString("message", row.Message);
            json.WritePropertyName("details");
            if (row.DetailsJson is null) json.WriteNullValue();
            else json.WriteRawValue(row.DetailsJson, skipInputValidation: true);
            json.WriteEndObject();
        }
        output.Write("\n"u8);
    }
}
