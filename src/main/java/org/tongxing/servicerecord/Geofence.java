package org.tongxing.servicerecord;

/** A session's check-in area: a circle around its place. */
public record Geofence(GeoPoint centre, int radiusMetres) {

	public boolean contains(GeoPoint point) {
		return this.centre.metresTo(point) <= this.radiusMetres;
	}

}
