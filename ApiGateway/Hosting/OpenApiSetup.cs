using Microsoft.OpenApi.Models;
using Scalar.AspNetCore;
using Shop.ApiGateway.OpenApi;

namespace Shop.ApiGateway.Hosting;

/// <summary>The OpenAPI document of the REST API (from the gRPC transcoding) at /openapi/v1.json, and Scalar at /scalar.</summary>
public static class OpenApiSetup
{
    /// <summary>Route of the OpenAPI document.</summary>
    public const string DocumentRoute = "openapi/{documentName}.json";

    /// <summary>Registers the document generator, with the proto comments as descriptions.</summary>
    public static IServiceCollection AddShopOpenApi(this IServiceCollection services)
    {
        services.AddGrpcSwagger();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo { Title = "Shop API", Version = "v1" });
            options.AddSecurityDefinition(SecurityFromAuthorization.BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Access token from /v1/auth/login or /v1/auth/register.",
            });
            options.CustomOperationIds(OperationIds.For);
            options.OperationFilter<AcceptedResponseFilter>();
            options.OperationFilter<ShopHeaders>();
            options.OperationFilter<SecurityFromAuthorization>();
            options.OperationFilter<ProblemResponses>();
            options.SchemaFilter<SchemaExamples>();
            options.SchemaFilter<RequiredFields>();
            options.DocumentFilter<ProblemComponents>();
            options.DocumentFilter<DocumentTidy>();
            var xml = Path.Combine(AppContext.BaseDirectory, "Shop.ApiGateway.xml");
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml);
                options.IncludeGrpcXmlComments(xml, includeControllerXmlComments: true);
            }
        });
        return services;
    }

    /// <summary>Serves the document and the API reference UI.</summary>
    public static WebApplication MapShopOpenApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSwagger(options => options.RouteTemplate = DocumentRoute);
        app.MapScalarApiReference(options => options.WithOpenApiRoutePattern("/" + DocumentRoute).WithTitle("Shop API"));
        return app;
    }
}
