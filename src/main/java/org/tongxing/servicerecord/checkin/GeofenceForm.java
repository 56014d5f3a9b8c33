package org.tongxing.servicerecord.checkin;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.tongxing.servicerecord.GeoPoint;
import org.tongxing.servicerecord.Geofence;

/**
 * A session's check-in area: the centre in degrees (WGS 84, as phones report it) and a
 * radius of 20 to 5000 metres.
 */
public class GeofenceForm {

	public static final int RADIUS_MIN = 20;

	public static final int RADIUS_MAX = 5000;

	@NotNull(message = "{servicerecord.checkin-ui.validation.required}")
	@DecimalMin(value = "-90", message = "{servicerecord.checkin-ui.validation.latitude}")
	@DecimalMax(value = "90", message = "{servicerecord.checkin-ui.validation.latitude}")
	private BigDecimal latitude;

	@NotNull(message = "{servicerecord.checkin-ui.validation.required}")
	@DecimalMin(value = "-180", message = "{servicerecord.checkin-ui.validation.longitude}")
	@DecimalMax(value = "180", message = "{servicerecord.checkin-ui.validation.longitude}")
	private BigDecimal longitude;

	@NotNull(message = "{servicerecord.checkin-ui.validation.required}")
	@Min(value = RADIUS_MIN, message = "{servicerecord.checkin-ui.validation.radius}")
	@Max(value = RADIUS_MAX, message = "{servicerecord.checkin-ui.validation.radius}")
	private Integer radius;

	static GeofenceForm of(Geofence fence) {
		GeofenceForm form = new GeofenceForm();
		if (fence != null) {
			form.latitude = BigDecimal.valueOf(fence.centre().latitude());
			form.longitude = BigDecimal.valueOf(fence.centre().longitude());
			form.radius = fence.radiusMetres();
		}
		return form;
	}

	Geofence toGeofence() {
		return new Geofence(new GeoPoint(this.latitude.doubleValue(), this.longitude.doubleValue()), this.radius);
	}

	public BigDecimal getLatitude() {
		return this.latitude;
	}

	public void setLatitude(BigDecimal latitude) {
		this.latitude = latitude;
	}

	public BigDecimal getLongitude() {
		return this.longitude;
	}

	public void setLongitude(BigDecimal longitude) {
		this.longitude = longitude;
	}

	public Integer getRadius() {
		return this.radius;
	}

	public void setRadius(Integer radius) {
		this.radius = radius;
	}

}
