namespace Medic.Probes.Os;

/// <summary>A file's identity as the kernel sees it: the device of its file system and its inode.</summary>
internal readonly record struct FileId(uint DevMajor, uint DevMinor, ulong Inode);
