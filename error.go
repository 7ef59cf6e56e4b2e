package diplograph

import (
	"errors"
	"fmt"
)

// Error codes shared by every layer. The GraphQL layer maps them to extensions.code and the CLI to
// exit statuses; anything without a code is internal and its text is never shown to API users.
const (
	EINVALID      = "invalid"      // the caller's input is wrong (bad id, bad filter, bad document)
	ENOTFOUND     = "not_found"    // the thing asked for does not exist
	EUNAUTHORIZED = "unauthorized" // missing or wrong credentials
	EUNAVAILABLE  = "unavailable"  // a dependency (Neo4j) cannot be reached now; retrying may help
	ECONFLICT     = "conflict"     // the write conflicts with what is stored
	EINTERNAL     = "internal"     // a bug or an unexpected failure
)

// Error is an application error with a code and a message safe to show to users.
type Error struct {
	Code    string
	Message string
	Err     error // the underlying cause, for logs; never shown to users
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for any other error, and ""
// for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-safe message of err: the message of its *Error, or a generic text for
// internal errors, whose details stay in the logs.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
