package llmtest

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	openai "github.com/sashabaranov/go-openai"
)

var itoa = strconv.Itoa

// Wire types, shaped as OpenAI's own answers.

type wireUsage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens,omitempty"`
	TotalTokens      int `json:"total_tokens"`
}

type wireMessage struct {
	Role    string  `json:"role,omitempty"`
	Content *string `json:"content,omitempty"`
}

type wireChoice struct {
	Index        int          `json:"index"`
	Message      *wireMessage `json:"message,omitempty"`
	Delta        *wireMessage `json:"delta,omitempty"`
	Logprobs     any          `json:"logprobs"`
	FinishReason *string      `json:"finish_reason"`
}

type wireCompletion struct {
	ID                string          `json:"id"`
	Object            string          `json:"object"`
	Created           int64           `json:"created"`
	Model             string          `json:"model"`
	SystemFingerprint string          `json:"system_fingerprint"`
	Choices           []wireChoice    `json:"choices"`
	Usage             json.RawMessage `json:"usage,omitempty"`
}

// CountWords is the fake's token count: the number of whitespace-separated
// words. Prompt usage is the sum over the messages' contents, completion usage
// that of the reply (after any cut by max_tokens).
func CountWords(s string) int { return len(strings.Fields(s)) }

// chat answers a chat completion request, plain or streamed.
func (s *Server) chat(w http.ResponseWriter, r *http.Request, body []byte) {
	var req openai.ChatCompletionRequest
	if err := json.Unmarshal(body, &req); err != nil {
		writeError(w, http.StatusBadRequest, "We could not parse the JSON body of your request.", "invalid_request_error")
		return
	}
	if len(req.Messages) == 0 {
		writeError(w, http.StatusBadRequest, "'messages' must contain at least one message.", "invalid_request_error")
		return
	}
	if s.cfg.malformed[ChatCompletions] {
		if req.Stream {
			w.Header().Set("Content-Type", "text/event-stream")
			_, _ = io.WriteString(w, "data: {\"id\":\"chatcmpl-fake\",\"choices\":[{\"delta\":\n\n")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"id":"chatcmpl-fake","object":"chat.completion","choices":[{"index":0,"message":{"content":"Bonj`)
		return
	}
	text := DefaultReply
	if s.cfg.reply != nil {
		var err error
		text, err = s.cfg.reply(req)
		if err != nil {
			if se, ok := errors.AsType[*StatusError](err); ok {
				writeError(w, se.Status, se.Message, errorType(se.Status))
				return
			}
			writeError(w, http.StatusInternalServerError, err.Error(), "server_error")
			return
		}
	}
	finish := "stop"
	//lint:ignore SA1019 the fake honours both fields, as servers do.
	if limit := max(req.MaxTokens, req.MaxCompletionTokens); limit > 0 && CountWords(text) > limit && !s.cfg.ignoreMaxTokens {
		text = strings.Join(strings.Fields(text)[:limit], " ")
		finish = "length"
	}
	prompt := 0
	for _, m := range req.Messages {
		prompt += CountWords(m.Content)
		for _, p := range m.MultiContent {
			prompt += CountWords(p.Text)
		}
	}
	completion := CountWords(text)
	usage, _ := json.Marshal(wireUsage{PromptTokens: prompt, CompletionTokens: completion, TotalTokens: prompt + completion})
	model := req.Model
	if model == "" {
		model = DefaultChatModel
	}
	resp := wireCompletion{
		ID:                "chatcmpl-fake-" + itoa(s.Calls(ChatCompletions)),
		Created:           time.Now().Unix(),
		Model:             model,
		SystemFingerprint: "fp_llmtest",
	}
	if !req.Stream {
		resp.Object = "chat.completion"
		resp.Choices = []wireChoice{{Message: &wireMessage{Role: "assistant", Content: &text}, FinishReason: &finish}}
		if !s.cfg.withoutUsage {
			resp.Usage = usage
		}
		writeJSON(w, http.StatusOK, resp)
		return
	}
	s.stream(w, r, req, resp, text, finish, usage)
}

// stream sends text as server-sent events in OpenAI's chunk format: a role
// chunk, content deltas, a finish chunk, a usage chunk when asked for, and
// "data: [DONE]".
func (s *Server) stream(w http.ResponseWriter, r *http.Request, req openai.ChatCompletionRequest,
	resp wireCompletion, text, finish string, usage json.RawMessage) {
	flusher, _ := w.(http.Flusher)
	includeUsage := req.StreamOptions != nil && req.StreamOptions.IncludeUsage && !s.cfg.withoutUsage
	resp.Object = "chat.completion.chunk"
	if includeUsage {
		resp.Usage = json.RawMessage("null")
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	send := func(c wireCompletion) bool {
		b, err := json.Marshal(c)
		if err != nil {
			return false
		}
		if _, err := fmt.Fprintf(w, "data: %s\n\n", b); err != nil {
			return false
		}
		if flusher != nil {
			flusher.Flush()
		}
		return true
	}
	empty := ""
	first := resp
	first.Choices = []wireChoice{{Delta: &wireMessage{Role: "assistant", Content: &empty}}}
	if !send(first) {
		return
	}
	sent := 0
	for rest := text; rest != ""; {
		if s.cfg.abortAfter >= 0 && sent == s.cfg.abortAfter {
			panic(http.ErrAbortHandler)
		}
		if s.cfg.cutAfter >= 0 && sent == s.cfg.cutAfter {
			return
		}
		if d := s.cfg.chunkDelay; d > 0 && !s.sleep(r, d) {
			return
		}
		cut := len(rest)
		for i, n := 0, 0; i < len(rest); n++ {
			if n == s.cfg.chunkRunes {
				cut = i
				break
			}
			_, size := utf8.DecodeRuneInString(rest[i:])
			i += size
		}
		delta := rest[:cut]
		rest = rest[cut:]
		c := resp
		c.Choices = []wireChoice{{Delta: &wireMessage{Content: &delta}}}
		if !send(c) {
			return
		}
		sent++
	}
	if s.cfg.abortAfter >= 0 && sent == s.cfg.abortAfter {
		panic(http.ErrAbortHandler)
	}
	if s.cfg.cutAfter >= 0 && sent == s.cfg.cutAfter {
		return
	}
	last := resp
	last.Choices = []wireChoice{{Delta: &wireMessage{}, FinishReason: &finish}}
	if !send(last) {
		return
	}
	if includeUsage {
		u := resp
		u.Choices = []wireChoice{}
		u.Usage = usage
		if !send(u) {
			return
		}
	}
	_, _ = io.WriteString(w, "data: [DONE]\n\n")
	if flusher != nil {
		flusher.Flush()
	}
}

// embeddingRequest is the body of POST /v1/embeddings.
type embeddingRequest struct {
	Input          json.RawMessage `json:"input"`
	Model          string          `json:"model"`
	Dimensions     *int            `json:"dimensions"`
	EncodingFormat string          `json:"encoding_format"`
}

// inputs returns the texts of the request: a string or a list of strings.
func (req embeddingRequest) inputs() ([]string, error) {
	var one string
	if err := json.Unmarshal(req.Input, &one); err == nil {
		return []string{one}, nil
	}
	var many []string
	if err := json.Unmarshal(req.Input, &many); err != nil {
		return nil, errors.New("'input' must be a string or an array of strings")
	}
	return many, nil
}

// embeddings answers an embedding request with Vector of each input.
func (s *Server) embeddings(w http.ResponseWriter, body []byte) {
	var req embeddingRequest
	if err := json.Unmarshal(body, &req); err != nil {
		writeError(w, http.StatusBadRequest, "We could not parse the JSON body of your request.", "invalid_request_error")
		return
	}
	texts, err := req.inputs()
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error(), "invalid_request_error")
		return
	}
	if len(texts) == 0 {
		writeError(w, http.StatusBadRequest, "'input' cannot be an empty array.", "invalid_request_error")
		return
	}
	for i, t := range texts {
		if t == "" {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("'input[%d]' cannot be an empty string.", i), "invalid_request_error")
			return
		}
	}
	dim := s.cfg.embedDim
	if req.Dimensions != nil {
		if s.cfg.rejectDims {
			writeError(w, http.StatusBadRequest, "Unsupported parameter: 'dimensions'.", "invalid_request_error")
			return
		}
		if *req.Dimensions <= 0 {
			writeError(w, http.StatusBadRequest, "'dimensions' must be positive.", "invalid_request_error")
			return
		}
		dim = *req.Dimensions
	}
	if s.cfg.malformed[Embeddings] {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"object":"list","data":[{"object":"embedding","embedding":[0.1,`)
		return
	}
	type item struct {
		Object    string `json:"object"`
		Embedding any    `json:"embedding"`
		Index     int    `json:"index"`
	}
	data := make([]item, len(texts))
	tokens := 0
	for i, t := range texts {
		v := Vector(t, dim)
		data[i] = item{Object: "embedding", Embedding: v, Index: i}
		if req.EncodingFormat == "base64" {
			buf := make([]byte, 4*len(v))
			for j, x := range v {
				binary.LittleEndian.PutUint32(buf[4*j:], math.Float32bits(x))
			}
			data[i].Embedding = base64.StdEncoding.EncodeToString(buf)
		}
		tokens += CountWords(t)
	}
	model := req.Model
	if model == "" {
		model = DefaultEmbedModel
	}
	resp := map[string]any{"object": "list", "data": data, "model": model}
	if !s.cfg.withoutUsage {
		resp["usage"] = wireUsage{PromptTokens: tokens, TotalTokens: tokens}
	}
	writeJSON(w, http.StatusOK, resp)
}

// models answers GET /v1/models.
func (s *Server) models(w http.ResponseWriter) {
	type model struct {
		ID      string `json:"id"`
		Object  string `json:"object"`
		Created int64  `json:"created"`
		OwnedBy string `json:"owned_by"`
	}
	data := make([]model, len(s.cfg.models))
	for i, name := range s.cfg.models {
		data[i] = model{ID: name, Object: "model", Created: 1700000000, OwnedBy: "llmtest"}
	}
	writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": data})
}

// Vector returns the fake's embedding of text: dim pseudo-random values
// seeded by the SHA-256 of text, normalised to unit length. Equal texts get
// equal vectors; different texts almost orthogonal ones.
func Vector(text string, dim int) []float32 {
	if dim <= 0 {
		return nil
	}
	sum := sha256.Sum256([]byte(text))
	rng := rand.New(rand.NewPCG(binary.LittleEndian.Uint64(sum[:8]), binary.LittleEndian.Uint64(sum[8:16])))
	v := make([]float32, dim)
	var norm float64
	for i := range v {
		x := rng.NormFloat64()
		v[i] = float32(x)
		norm += x * x
	}
	norm = math.Sqrt(norm)
	if norm == 0 {
		v[0] = 1
		return v
	}
	for i := range v {
		v[i] = float32(float64(v[i]) / norm)
	}
	return v
}
