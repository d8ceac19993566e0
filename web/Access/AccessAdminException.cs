namespace DeepPlate.Web.Access;

/// <summary>A change the admin area refuses (a duplicate name, a licence of another institution...), with a message
/// meant for the administrator.</summary>
public sealed class AccessAdminException(string message) : Exception(message);
