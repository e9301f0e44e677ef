package com.serviceloop.platform;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Files and photos in a bucket of any S3-compatible store: AWS S3, MinIO, Aliyun OSS or Tencent COS
 * through their S3 interfaces, s3rver in the tests. Only what every one of them understands is used:
 * the checksums the SDK would add by default (CRC32 trailers in aws-chunked bodies) are sent only
 * where an operation requires them, and bodies are signed whole, not in chunks.
 */
@Component
@ConditionalOnProperty(name = "serviceloop.storage.type", havingValue = "s3")
class S3ObjectStore implements ObjectStore, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(S3ObjectStore.class);
    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String where;

    /** The settings under serviceloop.storage.s3; blank access keys leave the SDK's chain (environment, instance role). */
    record Settings(String endpoint, String region, String bucket, String accessKey, String secretKey,
                    boolean pathStyle, String prefix) {
    }

    @Autowired
    S3ObjectStore(@Value("${serviceloop.storage.s3.endpoint:}") String endpoint,
                  @Value("${serviceloop.storage.s3.region:us-east-1}") String region,
                  @Value("${serviceloop.storage.s3.bucket:}") String bucket,
                  @Value("${serviceloop.storage.s3.access-key:}") String accessKey,
                  @Value("${serviceloop.storage.s3.secret-key:}") String secretKey,
                  @Value("${serviceloop.storage.s3.path-style:false}") boolean pathStyle,
                  @Value("${serviceloop.storage.s3.prefix:}") String prefix) {
        this(new Settings(endpoint, region, bucket, accessKey, secretKey, pathStyle, prefix));
    }

    S3ObjectStore(Settings s) {
        if (s.bucket() == null || s.bucket().isBlank()) {
            throw new IllegalStateException("serviceloop.storage.type=s3 needs serviceloop.storage.s3.bucket "
                    + "(and serviceloop.storage.s3.endpoint for a store other than AWS S3)");
        }
        if (s.accessKey().isBlank() != s.secretKey().isBlank()) {
            throw new IllegalStateException("serviceloop.storage.s3.access-key and serviceloop.storage.s3.secret-key "
                    + "go together: set both, or neither to use the environment's credentials");
        }
        if (!s.prefix().isEmpty()) {
            ObjectStore.checkedKey(s.prefix() + "x");
        }
        this.bucket = s.bucket();
        this.prefix = s.prefix();
        this.where = "bucket '" + bucket + "' at " + (s.endpoint().isBlank() ? "AWS S3 " + s.region() : s.endpoint());
        AwsCredentialsProvider credentials = s.accessKey().isBlank() ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKey(), s.secretKey()));
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(30)))
                .region(Region.of(s.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(s.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(60)));
        if (!s.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(s.endpoint()));
        }
        this.s3 = builder.build();
    }

    /**
     * A wrong bucket name, endpoint or key shows at start-up in one line rather than at the first
     * upload. The application still starts: everything but files and photos works, and a store that
     * comes up later is used without a restart.
     */
    @EventListener(ApplicationReadyEvent.class)
    void check() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            log.info("Files and photos are stored in {}", where);
        } catch (SdkException e) {
            log.error("Object store NOT usable: {} answered \"{}\". Files and photos can be neither stored nor shown "
                    + "until it is; check serviceloop.storage.s3.* (endpoint, region, bucket, access-key, path-style)",
                    where, reason(e));
        }
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        String k = name(key);
        try {
            s3.putObject(b -> b.bucket(bucket).key(k).contentType(contentType).contentLength((long) content.length),
                    RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failed("store", key, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        String k = name(key);
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(k)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(code(e))) {
                return Optional.empty();
            }
            throw failed("read", key, e);
        } catch (SdkException e) {
            throw failed("read", key, e);
        }
    }

    @Override
    public void delete(String key) {
        String k = name(key);
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(k));
        } catch (SdkException e) {
            throw failed("delete", key, e);
        }
    }

    @Override
    public void destroy() {
        s3.close();
    }

    private String name(String key) {
        return prefix + ObjectStore.checkedKey(key);
    }

    private StoreUnavailableException failed(String what, String key, SdkException e) {
        return new StoreUnavailableException("Could not " + what + " " + key + " in " + where + ": " + reason(e), e);
    }

    private static String code(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static String reason(SdkException e) {
        if (e instanceof S3Exception s && code(s) != null) {
            return s.statusCode() + " " + code(s);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
