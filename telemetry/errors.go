package telemetry

import (
	"context"
	"errors"
	"fmt"
)

// errorType names an error by kind, for error.type: "timeout",
// "canceled" or its Go type.
func errorType(err error) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.Is(err, context.Canceled):
		return "canceled"
	}
	return fmt.Sprintf("%T", err)
}
