namespace Doorstep.Tests.Support;

/// <summary>
/// Marks a class that runs on SQLite files whatever DOORSTEP_TEST_DB says (start-up checks, the
/// backup command): scripts/test.sh runs it in the SQLite pass only, not again in the PostgreSQL pass.
/// Used as <c>[Trait(SqliteOnly.Trait, SqliteOnly.Value)]</c>.
/// </summary>
public static class SqliteOnly
{
    public const string Trait = "Database";
    public const string Value = "SqliteOnly";
}
