package com.serviceloop.staff;

import com.serviceloop.organisation.Person;
import com.serviceloop.organisation.PersonService;
import com.serviceloop.platform.Notices;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Puts a new recognition note into the inbox of the person it thanks, or of every active member of the team it
 * thanks, in the note's transaction: the writer's own words, shown as written.
 */
@Component
class RecognitionNotices {
    static final String KIND = "RECOGNITION";
    private final Notices notices;
    private final PersonService people;

    RecognitionNotices(Notices notices, PersonService people) {
        this.notices = notices;
        this.people = people;
    }

    void noteWritten(RecognitionNote note) {
        List<Long> to = note.personId() != null ? List.of(note.personId())
                : people.activeSignInStaff(List.of(note.teamId())).stream().map(Person::id).toList();
        String text = note.writerName() + ": " + note.text();
        to.stream().filter(id -> id != note.writerId()).forEach(id -> notices.postText(id, KIND, "/recognition", text));
    }
}
