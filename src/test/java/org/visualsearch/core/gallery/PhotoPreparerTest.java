package org.visualsearch.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visualsearch.core.common.Sha256;
import org.visualsearch.core.image.ImageLoader;

/** A worker decodes only what the model or the thumbnail table still lacks. */
class PhotoPreparerTest {

    @TempDir
    Path temp;

    private final Set<String> embedded = new HashSet<>();
    private final Set<String> thumbnails = new HashSet<>();
    private final PhotoPreparer preparer = new PhotoPreparer(new ImageLoader(), embedded, thumbnails);

    private WorkItem item(Path file) throws Exception {
        return new WorkItem(1, new FolderScanner.ScannedFile(file, null, Files.size(file), 0), null);
    }

    @Test
    void newContentIsDecodedWithAThumbnailWhoseLongSideIsTheThumbnailSide() throws Exception {
        Path photo = TestImages.write(temp.resolve("a.png"), 1, 600, 300);
        Prepared.Photo p = preparer.prepare(item(photo));

        assertThat(p).isInstanceOf(Prepared.Decoded.class);
        Prepared.Decoded decoded = (Prepared.Decoded) p;
        assertThat(decoded.hash()).isEqualTo(Sha256.of(photo));
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(decoded.thumbnail().orElseThrow()));
        assertThat(thumb.getWidth()).isEqualTo(Thumbnails.SIDE);
        assertThat(thumb.getHeight()).isEqualTo(Thumbnails.SIDE / 2);
    }

    @Test
    void contentWithAThumbnailIsDecodedForTheModelOnly() throws Exception {
        Path photo = TestImages.write(temp.resolve("a.png"), 2);
        thumbnails.add(Sha256.of(photo));
        Prepared.Decoded decoded = (Prepared.Decoded) preparer.prepare(item(photo));
        assertThat(decoded.thumbnail()).isEmpty();
        assertThat(decoded.image()).isNotNull();
    }

    @Test
    void contentWithVectorAndThumbnailIsOnlyHashed() throws Exception {
        Path photo = TestImages.write(temp.resolve("a.png"), 3);
        embedded.add(Sha256.of(photo));
        thumbnails.add(Sha256.of(photo));
        assertThat(preparer.prepare(item(photo))).isEqualTo(new Prepared.Hashed(item(photo), Sha256.of(photo)));
    }

    @Test
    void aBadFileFailsWithItsReason() throws Exception {
        Path junk = Files.write(temp.resolve("junk.jpg"), new byte[] {1, 2, 3, 4});
        Path gone = temp.resolve("gone.jpg");
        WorkItem vanished = new WorkItem(1, new FolderScanner.ScannedFile(gone, null, 10, 0), null);

        assertThat(preparer.prepare(item(junk))).isInstanceOf(Prepared.Failed.class);
        assertThat(preparer.prepare(vanished))
                .isEqualTo(new Prepared.Failed(vanished, "file vanished before it could be read"));
    }
}
