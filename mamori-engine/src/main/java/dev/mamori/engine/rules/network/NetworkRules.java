package dev.mamori.engine.rules.network;

import dev.mamori.engine.risk.Rule;
import java.util.List;

/** The network rules, in the order they are listed. */
public final class NetworkRules {

    private NetworkRules() {}

    public static List<Rule> all() {
        return List.of(
                new MqttWithoutTls(),
                new CoapWithoutDtlsOrOscore(),
                new UnauthenticatedIndustrialProtocol(),
                new BleLegacyPairing(),
                new ZigbeeDefaultTrustCenterKey(),
                new CanWithoutMessageAuthentication(),
                new CleartextRemoteAdministration(),
                new UnencryptedSensitiveDataInTransit(),
                new PasswordOverCleartext(),
                new CommandsWithoutAuthentication(),
                new OpcuaWithoutSignAndEncrypt(),
                new OpenWifi(),
                new CleartextOverInternet(),
                new CommandsOverCarrierNetworkWithoutEndToEndEncryption(),
                new InterconnectionWithoutAgreement());
    }
}
