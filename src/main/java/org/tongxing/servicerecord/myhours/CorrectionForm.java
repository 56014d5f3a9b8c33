package org.tongxing.servicerecord.myhours;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A volunteer's request to correct a confirmed entry: the hours it should stand at, the
 * service content as it should read, and why.
 */
class CorrectionForm {

	@NotNull(message = "{servicerecord.myhours.validation.hours-required}")
	@DecimalMin(value = "0", message = "{servicerecord.invalid.hours}")
	@DecimalMax(value = "1000", message = "{servicerecord.invalid.hours}")
	@Digits(integer = 4, fraction = 2, message = "{servicerecord.invalid.hours}")
	private BigDecimal hours;

	@NotBlank(message = "{servicerecord.myhours.validation.content-required}")
	@Size(max = 2000, message = "{servicerecord.myhours.validation.too-long}")
	private String content;

	@NotBlank(message = "{servicerecord.invalid.reason-needed}")
	@Size(max = 2000, message = "{servicerecord.myhours.validation.too-long}")
	private String reason;

	static CorrectionForm of(BigDecimal standing, String content) {
		CorrectionForm form = new CorrectionForm();
		form.hours = (standing != null) ? standing.stripTrailingZeros() : null;
		if (form.hours != null && form.hours.scale() < 0) {
			form.hours = form.hours.setScale(0);
		}
		form.content = content;
		return form;
	}

	public BigDecimal getHours() {
		return this.hours;
	}

	public void setHours(BigDecimal hours) {
		this.hours = hours;
	}

	public String getContent() {
		return this.content;
	}

	public void setContent(String content) {
		this.content = content;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
