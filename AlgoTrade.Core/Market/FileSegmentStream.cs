using Microsoft.Win32.SafeHandles;

namespace AlgoTrade.Core.Market;

/// <summary>
/// Reads the bytes [from, to) of an open file with positional reads, so several readers can share one handle
/// (the halves of <see cref="CandleCsvImporter.ImportFile"/>); the caller owns the handle.
/// </summary>
internal sealed class FileSegmentStream : Stream
{
    private readonly SafeFileHandle _file;
    private readonly long _from;
    private readonly long _to;
    private long _position;

    public FileSegmentStream(SafeFileHandle file, long from, long to)
    {
        _file = file;
        _from = from;
        _to = to;
        _position = from;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => _to - _from;

    public override long Position
    {
        get => _position - _from;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, _to - _position);
        if (wanted <= 0) return 0;
        var read = RandomAccess.Read(_file, buffer[..wanted], _position);
        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
