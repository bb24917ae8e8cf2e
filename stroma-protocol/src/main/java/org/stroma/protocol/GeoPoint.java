package org.stroma.protocol;

/** Latitude and longitude of a site, in degrees. */
public record GeoPoint(double lat, double lon) {
}
