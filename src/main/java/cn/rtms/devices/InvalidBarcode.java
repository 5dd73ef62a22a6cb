package cn.rtms.devices;

/**
 * A scanned string that claims to be a GS1 element string but is not a valid one; the
 * message (Chinese) says where and why.
 */
public class InvalidBarcode extends RuntimeException {

	private static final long serialVersionUID = 1L;

	InvalidBarcode(String message) {
		super(message);
	}

}
