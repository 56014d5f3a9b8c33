package org.tongxing.activity.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Sessions each with its own place in one form (a campus tour: one row per stop); empty
 * rows are ignored, the others are created all or none, each with the same positions
 * (chosen templates and/or rows typed here, see {@link PositionRows}).
 */
class StopsForm {

	static final int ROWS = 7;

	private List<Stop> stops = new ArrayList<>();

	private String timeZone;

	private List<Long> templateIds = new ArrayList<>();

	private List<PositionForm> positions = PositionRows.empty(1);

	static StopsForm empty(String timeZone, int rows) {
		StopsForm form = new StopsForm();
		form.timeZone = timeZone;
		form.addRows(rows);
		return form;
	}

	void addRows(int rows) {
		for (int i = 0; i < rows; i++) {
			this.stops.add(new Stop());
		}
	}

	public List<Stop> getStops() {
		return this.stops;
	}

	public void setStops(List<Stop> stops) {
		this.stops = (stops != null) ? stops : new ArrayList<>();
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public List<Long> getTemplateIds() {
		return this.templateIds;
	}

	public void setTemplateIds(List<Long> templateIds) {
		this.templateIds = (templateIds != null) ? templateIds : new ArrayList<>();
	}

	public List<PositionForm> getPositions() {
		return this.positions;
	}

	public void setPositions(List<PositionForm> positions) {
		this.positions = (positions != null) ? positions : new ArrayList<>();
	}

	/** One stop: its day, times and place or title. */
	public static class Stop {

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate date;

		@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
		private LocalTime startTime;

		@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
		private LocalTime endTime;

		private String title;

		private String address;

		boolean isEmpty() {
			return this.date == null && this.startTime == null && this.endTime == null && blank(this.title)
					&& blank(this.address);
		}

		private static boolean blank(String value) {
			return value == null || value.isBlank();
		}

		public LocalDate getDate() {
			return this.date;
		}

		public void setDate(LocalDate date) {
			this.date = date;
		}

		public LocalTime getStartTime() {
			return this.startTime;
		}

		public void setStartTime(LocalTime startTime) {
			this.startTime = startTime;
		}

		public LocalTime getEndTime() {
			return this.endTime;
		}

		public void setEndTime(LocalTime endTime) {
			this.endTime = endTime;
		}

		public String getTitle() {
			return this.title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public String getAddress() {
			return this.address;
		}

		public void setAddress(String address) {
			this.address = address;
		}

	}

}
