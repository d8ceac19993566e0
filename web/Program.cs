using DeepPlate.Web.Features.Access;
using DeepPlate.Web.Features.Health;
using DeepPlate.Web.Features.Reading;
using DeepPlate.Web.Features.Templates;
using DeepPlate.Web.Hosting;
using DeepPlate.Web.Security;

if (args is [AccessCommand.Verb, .. var command]) return await AccessCommand.RunAsync(command, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.UseLoopbackUnlessConfigured();
builder.AddDeepPlate();

var app = builder.Build();
app.LoadModels();
app.PrepareAccess();

// First: the client's address and scheme as the configured proxies report them (TrustedProxies), for everything after.
app.UseTrustedProxies();
app.UseSecurityHeaders();
app.UsePlainErrors();
app.UseStaticFiles();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseTermsGate();

app.MapOpenApi();
app.MapRazorPages();
app.MapHealthEndpoints();
app.MapTemplateEndpoints();
app.MapReadEndpoints();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
