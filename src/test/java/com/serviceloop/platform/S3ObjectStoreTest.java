package com.serviceloop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** S3ObjectStore against a real S3-protocol server (s3rver, see {@link S3rver}), path-style as for MinIO. */
class S3ObjectStoreTest {
    static String endpoint;

    @BeforeAll
    static void server() {
        endpoint = S3rver.endpoint();
    }

    private static S3ObjectStore store(String endpoint, String bucket, String prefix) {
        return new S3ObjectStore(new S3ObjectStore.Settings(endpoint, "us-east-1", bucket, S3rver.KEY, S3rver.KEY,
                true, prefix));
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void storesReplacesReadsAndDeletes() {
        S3ObjectStore store = store(endpoint, S3rver.BUCKET, "");
        store.put("cases/12/a.jpg", "one".getBytes(StandardCharsets.UTF_8), "image/jpeg");
        assertThat(store.get("cases/12/a.jpg")).hasValueSatisfying(b -> assertThat(text(b)).isEqualTo("one"));
        store.put("cases/12/a.jpg", "two, longer".getBytes(StandardCharsets.UTF_8), "image/jpeg");
        assertThat(store.get("cases/12/a.jpg")).hasValueSatisfying(b -> assertThat(text(b)).isEqualTo("two, longer"));
        store.delete("cases/12/a.jpg");
        assertThat(store.get("cases/12/a.jpg")).isEmpty();
        store.delete("cases/12/a.jpg");
        assertThat(store.get("cases/12/never-stored")).isEmpty();
        store.destroy();
    }

    @Test
    void keepsLargeBinaryContentByteForByte() {
        S3ObjectStore store = store(endpoint, S3rver.BUCKET, "");
        // 3 MB of every byte value: more than one network buffer, and bytes no text encoding would survive
        byte[] photo = new byte[3 * 1024 * 1024 + 7];
        new Random(11).nextBytes(photo);
        store.put("cases/13/big.jpg", photo, "image/jpeg");
        assertThat(store.get("cases/13/big.jpg")).hasValueSatisfying(b -> assertThat(b).isEqualTo(photo));
        store.destroy();
    }

    @Test
    void aPrefixKeepsTheApplicationsObjectsApartInASharedBucket() {
        S3ObjectStore plain = store(endpoint, S3rver.BUCKET, "");
        S3ObjectStore prefixed = store(endpoint, S3rver.BUCKET, "serviceloop/");
        prefixed.put("cases/14/a.pdf", "%PDF-".getBytes(StandardCharsets.UTF_8), "application/pdf");
        assertThat(plain.get("serviceloop/cases/14/a.pdf")).hasValueSatisfying(b -> assertThat(text(b)).isEqualTo("%PDF-"));
        assertThat(plain.get("cases/14/a.pdf")).isEmpty();
        assertThat(prefixed.get("cases/14/a.pdf")).isPresent();
        plain.destroy();
        prefixed.destroy();
    }

    @Test
    void refusesKeysThatAnObjectStoreWouldTreatDifferently() {
        S3ObjectStore store = store(endpoint, S3rver.BUCKET, "");
        for (String key : new String[] {"../x", "/x", "a//b", "a b", "a?b", ""}) {
            assertThatThrownBy(() -> store.put(key, new byte[1], "x")).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        store.destroy();
    }

    @Test
    void aMissingBucketOrAnUnreachableStoreIsAStoreFailureNotAMissingFile() throws Exception {
        S3ObjectStore noBucket = store(endpoint, "no-such-bucket", "");
        assertThatThrownBy(() -> noBucket.put("a", new byte[1], "x")).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("no-such-bucket");
        assertThatThrownBy(() -> noBucket.get("a")).isInstanceOf(StoreUnavailableException.class);
        noBucket.destroy();

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        S3ObjectStore down = store("http://127.0.0.1:" + closed, S3rver.BUCKET, "");
        assertThatThrownBy(() -> down.get("a")).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + closed);
        down.destroy();
    }

    @Test
    void settingsThatCannotWorkStopTheStartWithTheSettingToFix() {
        assertThatThrownBy(() -> store(endpoint, " ", "")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("serviceloop.storage.s3.bucket");
        assertThatThrownBy(() -> new S3ObjectStore(new S3ObjectStore.Settings(endpoint, "us-east-1", S3rver.BUCKET,
                "key", "", true, ""))).hasMessageContaining("secret-key");
    }
}
