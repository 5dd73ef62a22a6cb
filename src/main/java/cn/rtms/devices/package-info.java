/**
 * Medical devices and consumables as the case registry will trace them (issue 8, item 5):
 * reading what a barcode scanner types — GS1 element strings (UDI) with their application
 * identifiers, China's MA codes and plain codes kept as scanned — into a
 * {@link cn.rtms.devices.DeviceIdentification}, with the GTIN check digit verified and
 * expiry dates read as GS1 defines them. So far a pure parser without storage or API; the
 * case registry will use it for the device rows of a case. Publishes no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package cn.rtms.devices;
