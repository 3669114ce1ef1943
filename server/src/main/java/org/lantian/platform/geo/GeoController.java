package org.lantian.platform.geo;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/geo")
@Tag(name = "行政区划", description = "Handan city, its 20 county-level units and their boundaries")
class GeoController {

    private final Divisions divisions;

    GeoController(Divisions divisions) {
        this.divisions = divisions;
    }

    @GetMapping("/divisions")
    @Operation(summary = "The city and its 20 county-level units")
    List<Division> divisions() {
        return divisions.all();
    }

    @GetMapping(value = "/boundaries", produces = "application/geo+json")
    @Operation(summary = "County boundaries as GeoJSON (18 units; the two management zones have none)")
    ResponseEntity<byte[]> boundaries() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .contentType(MediaType.parseMediaType("application/geo+json"))
                .body(divisions.boundariesGeoJson());
    }

    record Location(double lon, double lat, Division unit) {
    }

    @GetMapping("/locate")
    @Operation(summary = "Which county-level unit a point lies in (by boundary; zones are assigned, not located)")
    ResponseEntity<Location> locate(@RequestParam double lon, @RequestParam double lat) {
        return divisions.locate(lon, lat)
                .map(d -> ResponseEntity.ok(new Location(lon, lat, d)))
                .orElse(ResponseEntity.notFound().build());
    }
}
