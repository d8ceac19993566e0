namespace DeepPlate.Web.Access;

/// <summary>
/// On first start with an empty database, creates the administrator <c>admin</c> so someone can log in and set up
/// institutions. The password is <c>DEEPPLATE_ADMIN_PASSWORD</c>, or a generated one printed once to the console
/// (standard output, not the log) and never shown again: whoever started the server is the one who sees it.
/// </summary>
public static class FirstAdministrator
{
    public const string UserName = "admin";
    public const string PasswordVariable = "DEEPPLATE_ADMIN_PASSWORD";

    /// <summary>Creates the administrator if there is no user at all; returns whether it did.</summary>
    public static async Task<bool> EnsureAsync(AccessDatabase db, string? password, TextWriter console, CancellationToken cancel = default)
    {
        var generated = string.IsNullOrEmpty(password);
        password = generated ? Passwords.Generate() : password!;
        if (Passwords.Problem(password) is { } problem) throw new InvalidOperationException($"{PasswordVariable}: {problem}");

        await using var connection = await db.OpenAsync(cancel);
        // Serialised across instances: two starting on an empty database create one administrator.
        await using (var transaction = await db.BeginSerialisedAsync(connection, cancel))
        {
            if (await connection.LongAsync(transaction, "SELECT COUNT(*) FROM users") > 0) return false;
            await connection.ExecuteAsync(transaction, "INSERT INTO users (institution_id, user_name, password_hash, is_admin, security_stamp) VALUES (NULL, @name, @hash, 1, @stamp)",
                ("name", UserName), ("hash", Passwords.Hash(password)), ("stamp", SecurityStamps.New()));
            await transaction.CommitAsync(cancel);
        }
        console.WriteLine(generated
            ? $"DeepPlate: created the administrator '{UserName}' with the password {password} (shown only now; set {PasswordVariable} to choose it)"
            : $"DeepPlate: created the administrator '{UserName}' with the password from {PasswordVariable}");
        return true;
    }
}
