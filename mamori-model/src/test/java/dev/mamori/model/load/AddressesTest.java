package dev.mamori.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.Component;
import dev.mamori.model.Flow;
import dev.mamori.model.IpPrefix;
import dev.mamori.model.Landscape;
import dev.mamori.model.Zone;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses of components, networks of zones and ports of flows: what enforcement matches on. */
class AddressesTest {

    private static final String FLOWS = "    flows:\n      - { from: sensor, to: hub, protocol: mqtt }\n";

    private static String model(String hub, String zone, String flows) {
        return Models.BASE
                        .replace("hub: { kind: gateway }", "hub: { kind: gateway" + hub + " }")
                        .replace("zones: [lan-zone]", "zones: { lan-zone: {" + zone + " } }")
                        .replace("      net: { kind: lan }\n", "      net: { kind: lan }\n" + flows)
                + "";
    }

    private static Landscape valid(String hub, String zone, String flow) {
        return Models.valid(model(hub, zone, flow));
    }

    /** Line and column (1-based) of the first occurrence of {@code needle} in the model text. */
    private static int[] where(String text, String needle) {
        int at = text.indexOf(needle);
        assertThat(at).as("%s in the model", needle).isNotNegative();
        int line =
                1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
        int column = at - text.lastIndexOf('\n', at - 1);
        return new int[] {line, column};
    }

    @Test
    void addressesNetworksAndPortsAreReadAndCanonical() {
        Landscape l = valid(", address: 10.1.2.3", " cidr: 10.1.0.0/16", FLOWS.replace("mqtt }", "mqtt, port: 8883 }"));
        Component hub = l.systems().get("a").components().get("hub");
        Zone zone = l.systems().get("a").zones().get("lan-zone");
        assertThat(hub.address()).map(IpPrefix::toString).contains("10.1.2.3");
        assertThat(zone.cidr()).map(IpPrefix::toString).contains("10.1.0.0/16");
        assertThat(l.systems().get("a").flows().get(0).port()).isEqualTo(OptionalInt.of(8883));
        assertThat(l.systems().get("a").components().get("sensor").address()).isEmpty();
    }

    @Test
    void aFlowWithoutPortTakesItsProtocolsWellKnownOne() {
        Flow mqtt = valid("", "", FLOWS).systems().get("a").flows().get(0);
        assertThat(mqtt.port()).isEqualTo(OptionalInt.of(1883));
        Flow ble = valid("", "", FLOWS.replace("mqtt", "ble"))
                .systems()
                .get("a")
                .flows()
                .get(0);
        assertThat(ble.port()).as("a radio protocol has no port").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "fd00:0:0:0:0:0:0:5, fd00::5",
        "FD00::0/64, fd00::/64",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "::ffff:10.0.0.1, ::ffff:a00:1",
        "0.0.0.0/0, 0.0.0.0/0"
    })
    void ipv6AndEdgeForms(String written, String canonical) {
        IpPrefix.Parsed parsed = IpPrefix.parse(written);
        assertThat(parsed).isInstanceOf(IpPrefix.Parsed.Ok.class);
        assertThat(((IpPrefix.Parsed.Ok) parsed).prefix().toString()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.256",
                "10.0.0",
                "010.0.0.1",
                "10.0.0.1/33",
                "fd00::/129",
                "gateway.local",
                "::1::2",
                "10.0.0.1/",
                "fe80::1%eth0"
            })
    void badAddressesAreLocatedErrors(String address) {
        String text = model(", address: \"" + address + "\"", "", "");
        int[] at = where(text, "\"" + address);
        DiagnosticsAssert.error(Models.load(text), "bad-address", at[0], at[1], "'address' is '" + address + "'");
    }

    @Test
    void aNetworkWithHostBitsSaysWhichNetworkWasMeant() {
        String text = model("", " cidr: 10.1.2.3/16", "");
        int[] at = where(text, "10.1.2.3/16");
        DiagnosticsAssert.error(Models.load(text), "bad-address", at[0], at[1], "host bits", "10.1.0.0/16");
    }

    @Test
    void aComponentOutsideItsZonesNetworkIsWarned() {
        String text = model("", " cidr: 10.1.0.0/16", "")
                .replace(
                        "sensor: { kind: sensor, zone: lan-zone }",
                        "sensor: { kind: sensor, zone: lan-zone, address: 10.2.0.1 }");
        int[] at = where(text, "sensor:");
        LoadResult result = Models.load(text);
        assertThat(result.valid()).isTrue();
        DiagnosticsAssert.warning(result, "address-outside-zone", at[0], at[1], "10.2.0.1", "10.1.0.0/16");
        assertThat(IpPrefix.parse("10.1.0.0/16"))
                .isEqualTo(IpPrefix.parse("10.1.0.0/16"))
                .isNotEqualTo(IpPrefix.parse("10.1.0.0/17"));
    }

    @ParameterizedTest
    @CsvSource({"0, out-of-range", "65536, out-of-range", "http, wrong-type"})
    void badPortsAreLocatedErrors(String port, String code) {
        String text = model("", "", FLOWS.replace("mqtt }", "mqtt, port: " + port + " }"));
        int[] at = where(text, "port: " + port);
        DiagnosticsAssert.error(Models.load(text), code, at[0], at[1] + 6);
    }

    @Test
    void aPortOnAProtocolWithoutIpIsAnError() {
        String text = model("", "", FLOWS.replace("mqtt }", "ble, port: 80 }"));
        int[] at = where(text, "port: 80");
        DiagnosticsAssert.error(Models.load(text), "port-without-ip", at[0], at[1], "ble", "radio");
    }
}
