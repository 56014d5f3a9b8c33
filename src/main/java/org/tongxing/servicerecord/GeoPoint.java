package org.tongxing.servicerecord;

/** A point on Earth in degrees (WGS 84, as browsers report it). */
public record GeoPoint(double latitude, double longitude) {

	private static final double EARTH_RADIUS_M = 6_371_000;

	public GeoPoint {
		if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180 || Double.isNaN(latitude)
				|| Double.isNaN(longitude)) {
			throw new IllegalArgumentException("Not a point on Earth");
		}
	}

	/** The great-circle distance in metres (haversine). */
	public double metresTo(GeoPoint other) {
		double lat1 = Math.toRadians(this.latitude);
		double lat2 = Math.toRadians(other.latitude);
		double dLat = lat2 - lat1;
		double dLon = Math.toRadians(other.longitude - this.longitude);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
				+ Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
	}

}
