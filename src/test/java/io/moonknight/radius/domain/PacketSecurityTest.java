package io.moonknight.radius.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.aaa4j.radius.core.attribute.Attribute;
import org.aaa4j.radius.core.attribute.RawAttribute;
import org.aaa4j.radius.core.attribute.attributes.MessageAuthenticator;
import org.aaa4j.radius.core.dictionary.dictionaries.StandardDictionary;
import org.aaa4j.radius.core.packet.Packet;
import org.aaa4j.radius.core.packet.PacketCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our response encoder gives the bytes aaa4j's codec gives (the oracle), for accepts, rejects and accounting. */
class PacketSecurityTest {

    @ParameterizedTest(name = "code {0}, {1} attributes, Message-Authenticator {2}")
    @CsvSource({"2, 0, true", "2, 1, true", "2, 6, true", "3, 1, true", "5, 0, false", "5, 3, false", "2, 40, true"})
    void responsesMatchTheReferenceCodec(int code, int attributeCount, boolean messageAuthenticator) throws Exception {
        var random = new Random(code * 100L + attributeCount);
        byte[] secret = "a-shared-secret".getBytes(StandardCharsets.UTF_8);
        byte[] requestAuthenticator = new byte[16];
        random.nextBytes(requestAuthenticator);
        List<byte[]> attributes = new ArrayList<>();
        for (int i = 0; i < attributeCount; i++) {
            byte[] value = new byte[1 + random.nextInt(30)];
            random.nextBytes(value);
            byte[] attribute = new byte[value.length + 2];
            attribute[0] = (byte) (i % 3 == 0 ? 18 : i % 3 == 1 ? 8 : 26); // Reply-Message, Framed-IP, VSA
            attribute[1] = (byte) attribute.length;
            System.arraycopy(value, 0, attribute, 2, value.length);
            attributes.add(attribute);
        }
        int identifier = random.nextInt(256);

        byte[] ours = PacketSecurity.response(
                code, identifier, requestAuthenticator, attributes, secret, messageAuthenticator);

        List<Attribute<?>> list = new ArrayList<>();
        if (messageAuthenticator) {
            list.add(new MessageAuthenticator());
        }
        for (byte[] attribute : attributes) {
            list.add(new RawAttribute(attribute[0] & 0xff, Arrays.copyOfRange(attribute, 2, attribute.length)));
        }
        byte[] reference = new PacketCodec(new StandardDictionary())
                .encodeResponse(new Packet(code, list), secret, identifier, requestAuthenticator);
        assertThat(ours).isEqualTo(reference);
    }
}
