namespace Medic.Probes.Binary;

/// <summary>The file is not an ELF object this reader understands, or its headers point outside the file.</summary>
public sealed class ElfFormatException : Exception
{
    public ElfFormatException()
        : base("not a valid ELF file")
    {
    }

    public ElfFormatException(string message)
        : base(message)
    {
    }

    public ElfFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
