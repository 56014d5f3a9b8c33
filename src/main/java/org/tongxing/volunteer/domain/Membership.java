package org.tongxing.volunteer.domain;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.tongxing.organisation.UnitId;

/**
 * A volunteer's membership of a unit from one day to another (open while {@code validTo}
 * is empty). The database allows one open membership per volunteer.
 */
@Entity
@Table(name = "volunteer_membership")
public class Membership {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "volunteer_id", nullable = false)
	private Long volunteerId;

	@Column(name = "unit_id", nullable = false)
	private Long unitId;

	@Column(name = "valid_from", nullable = false)
	private LocalDate validFrom;

	@Column(name = "valid_to")
	private LocalDate validTo;

	private String note;

	private String country;

	private String city;

	@Column(name = "time_zone")
	private String timeZone;

	protected Membership() {
	}

	public Membership(long volunteerId, UnitId unit, LocalDate validFrom, String note) {
		this.volunteerId = volunteerId;
		this.unitId = unit.value();
		this.validFrom = validFrom;
		this.note = note;
	}

	public Long id() {
		return this.id;
	}

	public UnitId unitId() {
		return new UnitId(this.unitId);
	}

	public LocalDate validFrom() {
		return this.validFrom;
	}

	public LocalDate validTo() {
		return this.validTo;
	}

	public String note() {
		return this.note;
	}

	public String country() {
		return this.country;
	}

	public String city() {
		return this.city;
	}

	public String timeZone() {
		return this.timeZone;
	}

	public boolean isOpen() {
		return this.validTo == null;
	}

	public void location(String country, String city, String timeZone) {
		this.country = country;
		this.city = city;
		this.timeZone = timeZone;
	}

	/**
	 * Ends the membership on the day before {@code next} begins (or that day, if
	 * earlier).
	 */
	public void close(LocalDate lastDay) {
		this.validTo = lastDay.isBefore(this.validFrom) ? this.validFrom : lastDay;
	}

}
