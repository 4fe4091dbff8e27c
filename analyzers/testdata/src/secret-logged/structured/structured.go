// Package secretloggedstructured holds secret-logged's fixtures for the
// structured loggers: zap, zerolog and logrus.
package secretloggedstructured

import (
	"net/http"

	"github.com/rs/zerolog"
	zlog "github.com/rs/zerolog/log"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
)

type session struct {
	ID           string
	RefreshToken string
	TokenExpiry  string
}

func zapSinks(logger *zap.Logger, sugar *zap.SugaredLogger, s session, r *http.Request, v string) {
	logger.Info("refreshed", zap.String("refresh_token", s.RefreshToken)) // want `\[secret-logged\] zap\.String logs s\.RefreshToken, a secret-named field`
	logger.Info("auth", zap.String("authorization", v))                   // want `zap\.String logs v under the secret-named key "authorization"`
	logger.Warn("request", zap.Any("headers", r.Header))                  // want `zap\.Any logs the whole http\.Header r\.Header`
	sugar.Infow("refreshed", "session", s.ID, "token", v)                 // want `zap\.SugaredLogger\.Infow logs v under the secret-named key "token"`
	sugar.Infof("refresh token %s", s.RefreshToken)                       // want `zap\.SugaredLogger\.Infof logs s\.RefreshToken`
	logger.Error("auth failed: " + r.Header.Get("Authorization"))         // want `zap\.Logger\.Error logs the value of the Authorization header`
}

func zapTraps(logger *zap.Logger, sugar *zap.SugaredLogger, s session, v string) {
	logger.Info("refreshed", zap.String("session", s.ID), zap.String("expiry", s.TokenExpiry))
	logger.Info("refreshed", zap.String("token", "<redacted>"), zap.Int("token_len", len(v)))
	sugar.Infow("refreshed", "session", s.ID, "token_expiry", s.TokenExpiry)
	sugar.Infof("refreshed session %s", s.ID)
	logger.Info("token refreshed", zap.String("token_hash", hashOf(s.RefreshToken)))
	logger.Info("auth", zap.String("authorization", redactHeader(v)))
	logger.Info("auth", zap.Bool("authorization_present", v != ""))
}

func hashOf(s string) string       { return s }
func redactHeader(s string) string { return s }

func zerologSinks(logger zerolog.Logger, s session, r *http.Request, v string) {
	logger.Info().Str("refresh_token", s.RefreshToken).Msg("refreshed") // want `zerolog\.Event\.Str logs s\.RefreshToken`
	logger.Info().Str("auth", r.Header.Get("Authorization")).Send()     // want `zerolog\.Event\.Str logs the value of the Authorization header`
	zlog.Info().Interface("password", v).Msg("login")                   // want `zerolog\.Event\.Interface logs v under the secret-named key "password"`
	child := logger.With().Str("api_key", v).Logger()                   // want `zerolog\.Context\.Str logs v under the secret-named key "api_key"`
	child.Printf("token %s", s.RefreshToken)                            // want `zerolog\.Logger\.Printf logs s\.RefreshToken`
	zlog.Printf("refresh %s", s.RefreshToken)                           // want `log\.Printf logs s\.RefreshToken`
}

func zerologTraps(logger zerolog.Logger, s session, v string) {
	logger.Info().Str("session", s.ID).Str("expiry", s.TokenExpiry).Msg("refreshed")
	logger.Info().Int("token_count", len(v)).Msgf("refreshed %s", s.ID)
	logger.Info().Str("user_agent", v).Msg("request")
	child := logger.With().Str("session", s.ID).Logger()
	child.Printf("ready")
	logger.Info().Str("refresh_token", "<redacted>").Send()
}

func logrusSinks(logger *logrus.Logger, s session, r *http.Request, v string) {
	logrus.WithField("refresh_token", s.RefreshToken).Info("refreshed") // want `logrus\.WithField logs s\.RefreshToken`
	logger.WithFields(logrus.Fields{
		"session": s.ID,
		"secret":  v, // want `logrus\.Fields logs v under the secret-named key "secret"`
	}).Info("refreshed")
	logrus.Infof("cookie %s", r.Header.Get("Cookie"))                    // want `logrus\.Infof logs the value of the Cookie header`
	logger.WithField("session", s.ID).Debugf("token %s", s.RefreshToken) // want `logrus\.Entry\.Debugf logs s\.RefreshToken`
}

func logrusTraps(logger *logrus.Logger, s session) {
	logrus.WithField("session", s.ID).Info("refreshed")
	logger.WithFields(logrus.Fields{"session": s.ID, "expiry": s.TokenExpiry}).Info("refreshed")
	logrus.Infof("user agent %s", "curl")
	logrus.WithField("token_expiry", s.TokenExpiry).Info("refreshed")
	logger.WithField("secret_name", s.ID).Info("rotated")
	logger.Errorf("refresh failed for session %s", s.ID)
}
