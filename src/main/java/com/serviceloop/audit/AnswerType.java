package com.serviceloop.audit;

/**
 * How an audit item is answered. The first three are scored (0 to 1); text, photos and a signature are
 * evidence: they count as answered but leave the score alone.
 */
public enum AnswerType {
    MET, SCALE, MEASURED, TEXT, PHOTO, SIGNATURE;

    public boolean scored() {
        return this == MET || this == SCALE || this == MEASURED;
    }

    /** Answered by uploading an image rather than by a JSON answer. */
    public boolean upload() {
        return this == PHOTO || this == SIGNATURE;
    }
}
