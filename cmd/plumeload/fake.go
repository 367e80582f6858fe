package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strings"
	"time"
)

// fakeReply is what the fake model answers: a short, cited reply.
const fakeReply = "Bonjour,\n\nVous pouvez faire cette démarche en ligne, sur le site indiqué dans la source [1]. " +
	"Préparez les pièces demandées avant de commencer.\n\nCordialement,\nLe service"

// fakeModel answers chat completions after about meanDelay (a real model
// takes seconds; plume's own time excludes it), streams spreading it over
// the deltas.
func fakeModel(meanDelay time.Duration) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat/completions", func(w http.ResponseWriter, r *http.Request) {
		delay := meanDelay
		var req struct {
			Model  string `json:"model"`
			Stream bool   `json:"stream"`
		}
		if err := json.NewDecoder(io.LimitReader(r.Body, 4<<20)).Decode(&req); err != nil {
			http.Error(w, `{"error":{"message":"bad json"}}`, http.StatusBadRequest)
			return
		}
		words := strings.SplitAfter(fakeReply, " ")
		pause := func(d time.Duration) bool {
			select {
			case <-time.After(d):
				return true
			case <-r.Context().Done():
				return false
			}
		}
		// Answer times vary around delay, from half to one and a half, as a
		// real model's do; this also keeps the agents from falling in step.
		if delay > 0 {
			delay = delay/2 + rand.N(delay)
		}
		usage := map[string]int{"prompt_tokens": 800, "completion_tokens": 40, "total_tokens": 840}
		if !req.Stream {
			if !pause(delay) {
				return
			}
			w.Header().Set("Content-Type", "application/json")
			_ = json.NewEncoder(w).Encode(map[string]any{
				"id": "chatcmpl-load", "object": "chat.completion", "created": time.Now().Unix(), "model": req.Model,
				"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
					"message": map[string]string{"role": "assistant", "content": fakeReply}}},
				"usage": usage,
			})
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		flusher, _ := w.(http.Flusher)
		send := func(v any) {
			data, _ := json.Marshal(v)
			fmt.Fprintf(w, "data: %s\n\n", data)
			if flusher != nil {
				flusher.Flush()
			}
		}
		chunk := func(delta map[string]string, finish any) map[string]any {
			return map[string]any{"id": "chatcmpl-load", "object": "chat.completion.chunk", "created": time.Now().Unix(),
				"model": req.Model, "choices": []any{map[string]any{"index": 0, "delta": delta, "finish_reason": finish}}}
		}
		send(chunk(map[string]string{"role": "assistant"}, nil))
		for _, word := range words {
			if !pause(delay / time.Duration(len(words))) {
				return
			}
			send(chunk(map[string]string{"content": word}, nil))
		}
		send(chunk(map[string]string{}, "stop"))
		send(map[string]any{"id": "chatcmpl-load", "object": "chat.completion.chunk", "model": req.Model,
			"choices": []any{}, "usage": usage})
		fmt.Fprint(w, "data: [DONE]\n\n")
	})
	return mux
}

// serveFake serves the fake model on addr until ctx ends.
func serveFake(ctx context.Context, addr string, delay time.Duration, log io.Writer) error {
	if err := checkLoopback(addr); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := &http.Server{Handler: fakeModel(delay), ReadHeaderTimeout: 5 * time.Second}
	fmt.Fprintf(log, "fake model on http://%s/v1, answering in %s\n", ln.Addr(), delay)
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// checkLoopback refuses any address but 127.0.0.1.
func checkLoopback(hostport string) error {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		return fmt.Errorf("address %q: %w", hostport, err)
	}
	if host != "127.0.0.1" {
		return fmt.Errorf("address %q: plumeload only talks to 127.0.0.1", hostport)
	}
	return nil
}
