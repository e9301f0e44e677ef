package com.serviceloop.platform;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The default object store: files under a directory. Instances that share it (a network file system)
 * share the files. A file is written beside its place and moved in, so a reader never sees half of it.
 */
@Component
@ConditionalOnProperty(name = "serviceloop.storage.type", havingValue = "filesystem", matchIfMissing = true)
class FileObjectStore implements ObjectStore {
    private final Path root;

    FileObjectStore(@Value("${serviceloop.storage.directory:./data/objects}") String directory) {
        this.root = Path.of(directory).toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling(".tmp-" + UUID.randomUUID());
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("Could not store " + key, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreUnavailableException("Could not read " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new StoreUnavailableException("Could not delete " + key, e);
        }
    }

    private Path resolve(String key) {
        Path p = root.resolve(ObjectStore.checkedKey(key)).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("Not a valid object key: " + key);
        }
        return p;
    }
}
