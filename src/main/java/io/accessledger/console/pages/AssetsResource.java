package io.accessledger.console.pages;

import io.accessledger.console.web.Assets;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** {@code GET /console/assets/{path}}: the console's own styles, script and images, nothing else. */
@Path("assets")
public final class AssetsResource {
  private final Assets assets;

  public AssetsResource(Assets assets) {
    this.assets = assets;
  }

  @GET
  @Path("{path: .+}")
  public Response asset(@PathParam("path") String path) {
    Assets.Asset asset = assets.find(path).orElseThrow(NotFoundException::new);
    // Not immutable: the names carry no version, and a new release may change them.
    return Response.ok(asset.bytes(), asset.mediaType())
        .header("Cache-Control", "private, max-age=3600").build();
  }
}
