namespace Doorstep.Infrastructure;

/// <summary>
/// The bytes of a file, in a row of their own beside the file's record (a stored file's, an uploaded
/// roster's): never copied into the audit, which records the file's record instead.
/// </summary>
public interface IFileBytes;
