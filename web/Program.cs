using DeepPlate.Web.Features.Health;
using DeepPlate.Web.Features.Reading;
using DeepPlate.Web.Features.Templates;
using DeepPlate.Web.Hosting;
using DeepPlate.Web.Security;

var builder = WebApplication.CreateBuilder(args);
builder.UseLoopbackUnlessConfigured();
builder.AddDeepPlate();

var app = builder.Build();
app.LoadModels();

app.UseSecurityHeaders();
app.UsePlainErrors();
app.UseStaticFiles();
app.UseRateLimiter();

app.MapOpenApi();
app.MapRazorPages();
app.MapHealthEndpoints();
app.MapTemplateEndpoints();
app.MapReadEndpoints();

app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
