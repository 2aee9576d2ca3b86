namespace ElfVersionPatch;

/// <summary>The file is not an ELF file whose symbol-version tables this tool understands; nothing was changed.</summary>
internal sealed class ElfFormatException(string message) : Exception(message);
