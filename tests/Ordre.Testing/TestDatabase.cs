using Npgsql;

namespace Ordre.Testing;

/// <summary>A throw-away database on the test server, dropped on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private TestDatabase(string admin, string name)
    {
        _admin = admin;
        Name = name;
    }

    public string Name { get; }

    public static async Task<TestDatabase> CreateAsync(TestServers servers, string purpose)
    {
        var name = $"t_{purpose}_{Guid.NewGuid():N}"[..40];
        await using var connection = new NpgsqlConnection(servers.PostgresAdmin);
        await connection.OpenAsync();
        await Execute(connection, $"create database {name}");
        // As in production (./ordre up): a killed daemon leader loses its advisory lock within seconds.
        await Execute(connection, $"alter database {name} set client_connection_check_interval = '2s'");
        return new TestDatabase(servers.PostgresAdmin, name);
    }

    public string ConnectionString(string applicationName, int maxPoolSize = 10) =>
        new NpgsqlConnectionStringBuilder(_admin)
        {
            Database = Name,
            ApplicationName = applicationName,
            MaxPoolSize = maxPoolSize,
        }.ConnectionString;

    /// <summary>Runs a query on this database and returns the first column of every row.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("ordre-tests", 2));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
            rows.Add(reader.GetFieldValue<T>(0));
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await Execute(connection, $"drop database if exists {Name} with (force)");
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
