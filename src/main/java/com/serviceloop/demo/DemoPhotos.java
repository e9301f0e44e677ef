package com.serviceloop.demo;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Pictures for the demo's audit photos: a pharmacy front drawn with shapes only (no text, so no font is needed), its
 * colours and passers-by varying with the outlet and the visit, so that each audit shows a photo of its own.
 */
final class DemoPhotos {
    private static final Color[] FRONTS = {new Color(0x2e7d5b), new Color(0x1f6f8b), new Color(0x8b5e3c),
        new Color(0x5b6d2e), new Color(0x6a4c93), new Color(0x9c3d54)};

    private DemoPhotos() {
    }

    static byte[] shopFront(long outletId, int nth) {
        Random rnd = new Random(outletId * 31 + nth);
        BufferedImage img = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x9fc9e8), 0, 220, new Color(0xe6f1f8)));
        g.fillRect(0, 0, 800, 220);
        g.setColor(new Color(0xb8b3aa));
        g.fillRect(0, 500, 800, 100);
        Color front = FRONTS[(int) (outletId % FRONTS.length)];
        g.setColor(front);
        g.fillRect(60, 120, 680, 380);
        g.setColor(front.darker());
        g.fillRect(60, 120, 680, 70);
        // the green cross of a pharmacy on the sign board
        g.setColor(new Color(0x21a35a));
        g.fillRect(110, 132, 16, 46);
        g.fillRect(95, 147, 46, 16);
        g.setColor(new Color(0xf2f2ea));
        for (int i = 0; i < 3; i++) {
            g.fillRoundRect(170 + i * 70, 140, 50, 30, 6, 6);
        }
        g.setColor(new Color(0xcfe6f2));
        g.fillRect(100, 230, 220, 200);
        g.fillRect(480, 230, 220, 200);
        g.setColor(new Color(0x3b3b3b));
        g.fillRect(350, 250, 100, 250);
        g.setColor(new Color(0xe8e2c8));
        for (int shelf = 0; shelf < 3; shelf++) {
            g.fillRect(110, 270 + shelf * 55, 200, 8);
            g.fillRect(490, 270 + shelf * 55, 200, 8);
        }
        for (int p = 0; p < 2 + rnd.nextInt(4); p++) {
            int x = 40 + rnd.nextInt(700);
            g.setColor(new Color(rnd.nextInt(0xffffff)));
            g.fillRoundRect(x, 440, 34, 90, 14, 14);
            g.setColor(new Color(0xe0b48a));
            g.fillOval(x + 4, 410, 26, 26);
        }
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
