package org.tongxing.volunteer.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.EmptyFileException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the rows of an uploaded spreadsheet from a file, streaming: an xlsx through POI's
 * SAX event API (the first sheet; only the shared-strings table is held), a CSV through
 * commons-csv. The format is told by the content, not the file name. CSV is UTF-8 (with
 * or without BOM), or GB18030 (which covers GBK, what Chinese Excel writes) when the file
 * is not valid UTF-8. Dates in date-formatted xlsx cells come as {@code yyyy-MM-dd}
 * whatever their display format.
 */
final class SpreadsheetReader {

	/** Columns beyond this are ignored: no template has that many. */
	static final int MAX_COLUMNS = 100;

	private static final int SNIFF_BYTES = 64 * 1024;

	private SpreadsheetReader() {
	}

	enum Format {

		XLSX, CSV

	}

	/** Receives the rows, numbered as the spreadsheet numbers them (from 1). */
	interface RowHandler {

		void row(int rowNumber, List<String> cells);

	}

	/**
	 * The format of the file by its content.
	 * @throws ImportFileException when it is empty, an old .xls, or no spreadsheet
	 */
	static Format detect(Path file) throws IOException {
		if (Files.size(file) == 0) {
			throw new ImportFileException("volunteerImport.file.empty");
		}
		FileMagic magic;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			magic = FileMagic.valueOf(in);
		}
		catch (EmptyFileException ex) {
			throw new ImportFileException("volunteerImport.file.empty");
		}
		switch (magic) {
			case OOXML:
				return Format.XLSX;
			case OLE2:
				throw new ImportFileException("volunteerImport.file.xls");
			case UNKNOWN:
				if (looksLikeText(file)) {
					return Format.CSV;
				}
				throw new ImportFileException("volunteerImport.file.notSpreadsheet");
			default:
				throw new ImportFileException("volunteerImport.file.notSpreadsheet");
		}
	}

	/** No NUL bytes and few control characters at the start: text, possibly CSV. */
	private static boolean looksLikeText(Path file) throws IOException {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(SNIFF_BYTES);
		}
		int controls = 0;
		for (byte b : head) {
			if (b == 0) {
				return false;
			}
			if (b > 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
				controls++;
			}
		}
		return controls * 100 <= head.length;
	}

	/**
	 * Passes every row to the handler.
	 * @throws ImportFileException when the file cannot be read as its format (broken, a
	 * zip bomb, ...)
	 */
	static void read(Path file, Format format, RowHandler handler) {
		RowHandler guarded = (rowNumber, cells) -> {
			try {
				handler.row(rowNumber, cells);
			}
			catch (RuntimeException ex) {
				throw new HandlerFailure(ex);
			}
		};
		try {
			if (format == Format.XLSX) {
				readXlsx(file, guarded);
			}
			else {
				readCsv(file, guarded);
			}
		}
		catch (Exception ex) {
			// what the handler threw goes on as it is; anything else is the file's fault
			if (causeOf(ex, HandlerFailure.class) instanceof HandlerFailure failure) {
				throw (RuntimeException) failure.getCause();
			}
			if (ex instanceof ImportFileException fileProblem) {
				throw fileProblem;
			}
			if (isZipBomb(ex)) {
				throw new ImportFileException("volunteerImport.file.zipBomb", ex);
			}
			throw new ImportFileException(
					(format == Format.XLSX) ? "volunteerImport.file.brokenXlsx" : "volunteerImport.file.brokenCsv", ex);
		}
	}

	/** Carries what the row handler threw through the parsers. */
	private static final class HandlerFailure extends RuntimeException {

		HandlerFailure(RuntimeException cause) {
			super(cause);
		}

	}

	private static void readXlsx(Path file, RowHandler handler) throws Exception {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			StylesTable styles = reader.getStylesTable();
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new ImportFileException("volunteerImport.file.empty");
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(
						new XSSFSheetXMLHandler(styles, strings, new RowCollector(handler), new IsoDates(), false));
				parser.parse(new InputSource(sheet));
			}
		}
	}

	private static void readCsv(Path file, RowHandler handler) throws IOException {
		Charset charset = isUtf8(file) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
		CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(false).get();
		try (Reader reader = new InputStreamReader(new BufferedInputStream(Files.newInputStream(file)), charset);
				CSVParser parser = CSVParser.parse(reader, format)) {
			boolean first = true;
			for (CSVRecord record : parser) {
				List<String> cells = new ArrayList<>(Math.min(record.size(), MAX_COLUMNS));
				for (int i = 0; i < record.size() && i < MAX_COLUMNS; i++) {
					String value = record.get(i);
					if (first && i == 0 && value.startsWith("\uFEFF")) {
						value = value.substring(1);
					}
					cells.add(value);
				}
				first = false;
				handler.row((int) record.getRecordNumber(), cells);
			}
		}
	}

	/** Decodes the whole file as UTF-8, streaming, and says whether that worked. */
	static boolean isUtf8(Path file) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.allocate(64 * 1024);
		CharBuffer out = CharBuffer.allocate(64 * 1024);
		try (InputStream stream = Files.newInputStream(file)) {
			byte[] chunk = new byte[32 * 1024];
			int read;
			while ((read = stream.read(chunk)) != -1) {
				in.put(chunk, 0, read);
				in.flip();
				if (!decode(decoder, in, out, false)) {
					return false;
				}
				in.compact();
			}
			in.flip();
			return decode(decoder, in, out, true) && !decoder.flush(out).isError();
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static boolean decode(CharsetDecoder decoder, ByteBuffer in, CharBuffer out, boolean last) {
		while (true) {
			CoderResult result = decoder.decode(in, out, last);
			if (result.isError()) {
				return false;
			}
			out.clear();
			if (result.isUnderflow()) {
				return true;
			}
		}
	}

	private static boolean isZipBomb(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && (message.contains("Zip bomb") || message.contains("zip bomb"))) {
				return true;
			}
		}
		return false;
	}

	private static Throwable causeOf(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return cause;
			}
		}
		return null;
	}

	/** Column index of a cell reference such as {@code AB12}: 27. */
	static int column(String cellReference) {
		int column = 0;
		for (int i = 0; i < cellReference.length(); i++) {
			char c = cellReference.charAt(i);
			if (c < 'A' || c > 'Z') {
				break;
			}
			column = column * 26 + (c - 'A' + 1);
		}
		return column - 1;
	}

	/** Gathers the cells of a row (the event API leaves out empty cells). */
	private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final RowHandler handler;

		private final List<String> cells = new ArrayList<>();

		private int column;

		RowCollector(RowHandler handler) {
			this.handler = handler;
		}

		@Override
		public void startRow(int rowIndex) {
			this.cells.clear();
		}

		@Override
		public void cell(String cellReference, String formattedValue, XSSFComment comment) {
			this.column = (cellReference != null) ? column(cellReference.toUpperCase(Locale.ROOT)) : this.cells.size();
			if (this.column < 0 || this.column >= MAX_COLUMNS) {
				return;
			}
			while (this.cells.size() < this.column) {
				this.cells.add("");
			}
			this.cells.add((formattedValue != null) ? formattedValue : "");
		}

		@Override
		public void endRow(int rowIndex) {
			this.handler.row(rowIndex + 1, List.copyOf(this.cells));
		}

	}

	/** Formats date cells as ISO dates, whatever the display format says. */
	private static final class IsoDates extends DataFormatter {

		IsoDates() {
			super(Locale.ROOT);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDateTime dateTime = DateUtil.getLocalDateTime(value);
				return dateTime.toLocalDate().toString();
			}
			return super.formatRawCellContents(value, formatIndex, formatString);
		}

	}

}
