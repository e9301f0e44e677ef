-- The survey designer: managers make their own surveys or copy an existing one.

-- Built-in instruments come from the classpath library and are not edited (a manager copies
-- them). Until now every survey was installed by the library.
ALTER TABLE survey ADD COLUMN builtin BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE survey SET builtin = TRUE;

-- When a question was added. A question may have stored answers once a response to its survey was
-- submitted at or after this moment; such a question only takes wording fixes. Questions from
-- before the designer count as added at the beginning (NULL).
ALTER TABLE survey_question ADD COLUMN added_at TIMESTAMP WITH TIME ZONE;
