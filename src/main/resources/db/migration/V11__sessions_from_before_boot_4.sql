-- Sessions stored by Spring Security 6 do not deserialise under Spring Security 7 (Spring Boot 4):
-- everyone signs in once more after the upgrade instead of meeting an error page.
DELETE FROM spring_session_attributes;
DELETE FROM spring_session;
