package cn.rtms.cases.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes an upload through and refuses it as soon as it passes the size limit, so an
 * oversized file is never stored whole.
 */
final class BoundedInputStream extends FilterInputStream {

	private final long max;

	private final String fileName;

	private long count;

	BoundedInputStream(InputStream in, long max, String fileName) {
		super(in);
		this.max = max;
		this.fileName = fileName;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	private void count(long n) {
		this.count += n;
		if (this.count > this.max) {
			throw ImportRefused.tooLarge(this.fileName, this.count, this.max);
		}
	}

}
