using System.Net;
using System.Text.Json;
using Doorstep.Tests.Support;

namespace Doorstep.Tests.Features.Inspections;

/// <summary>The GeoReport v2 read API: the spec's field names, the user's scope, documented in the OpenAPI document.</summary>
[Collection(SharedApp.Name)]
public class Open311Tests(DoorstepApp app)
{
    private static readonly string[] ServiceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];

    private static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
        "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
    ];

    [Fact]
    public async Task Services_and_requests_carry_the_GeoReport_v2_field_names_and_a_handler_sees_only_its_department()
    {
        var admin = await app.SignedInAsync("admin");
        var handler = await app.SignedInAsync(InspectionSteps.Handler);

        var services = await JsonAsync(admin, "/api/v1/open311/services.json");
        Assert.Equal(JsonValueKind.Array, services.ValueKind);
        var hygiene = services.EnumerateArray().Single(s => s.GetProperty("service_name").GetString() == "卫生死角");
        Assert.All(ServiceFields, f => Assert.True(hygiene.TryGetProperty(f, out _), f));
        Assert.Equal("realtime", hygiene.GetProperty("type").GetString());

        var requests = await JsonAsync(admin, "/api/v1/open311/requests.json");
        var all = requests.EnumerateArray().ToList();
        Assert.NotEmpty(all);
        Assert.All(RequestFields, f => Assert.True(all[0].TryGetProperty(f, out _), f));
        var overdue = all.Single(r => r.GetProperty("address").GetString() == "张桥路 88 弄 5 号楼后绿化带");
        Assert.Equal("open", overdue.GetProperty("status").GetString());
        Assert.Equal("城市管理办", overdue.GetProperty("agency_responsible").GetString());
        Assert.True(DateTimeOffset.Parse(overdue.GetProperty("expected_datetime").GetString()!, System.Globalization.CultureInfo.InvariantCulture) < DateTimeOffset.UtcNow);
        Assert.EndsWith("+08:00", overdue.GetProperty("requested_datetime").GetString(), StringComparison.Ordinal);
        var update = overdue.GetProperty("updates").EnumerateArray().First();
        Assert.All(["update_id", "service_request_id", "status", "updated_datetime", "description"], f => Assert.True(update.TryGetProperty(f, out _), f));
        var closed = await JsonAsync(admin, "/api/v1/open311/requests.json?status=closed");
        Assert.All(closed.EnumerateArray(), r => Assert.Equal("closed", r.GetProperty("status").GetString()));
        Assert.Contains(closed.EnumerateArray(), r => r.GetProperty("address").GetString() == "瑞鑫路口电线杆");

        var handlers = await JsonAsync(handler, "/api/v1/open311/requests.json");
        Assert.NotEmpty(handlers.EnumerateArray());
        Assert.All(handlers.EnumerateArray(), r => Assert.Equal("城市管理办", r.GetProperty("agency_responsible").GetString()));
        var notOurs = all.First(r => r.GetProperty("agency_responsible").GetString() != "城市管理办").GetProperty("service_request_id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync($"/api/v1/open311/requests/{notOurs}.json")).StatusCode);
        var one = await JsonAsync(admin, $"/api/v1/open311/requests/{notOurs}.json");
        Assert.Equal(notOurs, one.EnumerateArray().Single().GetProperty("service_request_id").GetString());

        var bad = await admin.GetAsync("/api/v1/open311/requests.json?status=pending");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await app.NewClient().GetAsync("/api/v1/open311/services.json")).StatusCode);

        var openApi = await JsonAsync(admin, "/api/v1/openapi.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/open311/requests.json", out _));
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
