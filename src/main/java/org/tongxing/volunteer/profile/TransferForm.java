package org.tongxing.volunteer.profile;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.tongxing.organisation.UnitId;

/**
 * The transfer of {@code /volunteers/{id}/transfer}. {@code fromUnitId} is the unit the
 * page showed, so that a transfer made meanwhile by someone else is not undone blindly.
 */
class TransferForm {

	private Long fromUnitId;

	@NotNull(message = "{profile.transfer.unit.required}")
	private Long unitId;

	@NotNull(message = "{profile.transfer.date.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate effectiveDate;

	@Size(max = 500, message = "{profile.validation.tooLong}")
	private String note;

	private String country;

	private String city;

	private String timeZone;

	Transfer toTransfer() {
		return new Transfer((this.fromUnitId != null) ? new UnitId(this.fromUnitId) : null, new UnitId(this.unitId),
				this.effectiveDate, this.note, this.country, this.city, this.timeZone);
	}

	public Long getFromUnitId() {
		return this.fromUnitId;
	}

	public void setFromUnitId(Long fromUnitId) {
		this.fromUnitId = fromUnitId;
	}

	public Long getUnitId() {
		return this.unitId;
	}

	public void setUnitId(Long unitId) {
		this.unitId = unitId;
	}

	public LocalDate getEffectiveDate() {
		return this.effectiveDate;
	}

	public void setEffectiveDate(LocalDate effectiveDate) {
		this.effectiveDate = effectiveDate;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public String getCountry() {
		return this.country;
	}

	public void setCountry(String country) {
		this.country = country;
	}

	public String getCity() {
		return this.city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

}
