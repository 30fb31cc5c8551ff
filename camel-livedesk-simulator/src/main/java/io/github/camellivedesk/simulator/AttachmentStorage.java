package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folder uploads are written to, and the list of files the simulator wrote there: it deletes those and nothing
 * else, so a {@code storageDir} that also holds a user's own files keeps them through every reset and close. The
 * folder itself is deleted on close only if the simulator created it and it is empty by then.
 */
final class AttachmentStorage {

    private static final System.Logger LOG = System.getLogger(AttachmentStorage.class.getName());

    private final Path folder;
    private final boolean createdFolder;
    private final Set<Path> written = ConcurrentHashMap.newKeySet();

    private AttachmentStorage(Path folder, boolean createdFolder) {
        this.folder = folder;
        this.createdFolder = createdFolder;
    }

    /** Opens {@code requested}, creating it if needed, or a new temporary folder when it is null. */
    static AttachmentStorage open(Path requested) {
        try {
            if (requested == null) {
                return new AttachmentStorage(Files.createTempDirectory("livedesk-simulator-"), true);
            }
            boolean existed = Files.isDirectory(requested);
            return new AttachmentStorage(Files.createDirectories(requested), !existed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the simulator's storage folder " + requested, e);
        }
    }

    Path folder() {
        return folder;
    }

    /** A new file for an upload, with a name no other upload has; the simulator owns it from now on. */
    Path newFile(String safeName) {
        Path file = folder.resolve("upload-" + UUID.randomUUID() + "-" + safeName);
        written.add(file);
        return file;
    }

    /** Deletes a file this storage handed out (a refused upload, a message dropped by retention); others are kept. */
    void delete(Path file) {
        if (written.remove(file)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "Could not delete " + file, e);
            }
        }
    }

    /** Deletes every file the simulator wrote. */
    void clear() {
        for (Path file : written) {
            delete(file);
        }
    }

    /** Deletes every file the simulator wrote, and the folder if the simulator created it and nothing else is left. */
    void close() {
        clear();
        if (createdFolder) {
            try {
                Files.deleteIfExists(folder);
            } catch (DirectoryNotEmptyException someoneElsesFiles) {
                LOG.log(System.Logger.Level.DEBUG,
                        "Keeping " + folder + ": it holds files the simulator did not write");
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "Could not delete " + folder, e);
            }
        }
    }
}
