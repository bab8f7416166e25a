# Surveys through the API and the command line: refusals and conflicts.
api-error-too-many = För många förfrågningar från samma adress. Vänta { $seconds } sekunder och försök igen.
field-error-one-or-other = Ange det ena eller det andra, inte båda.
conflict-round-not-open = Enkätomgången har inte börjat ta emot svar än.
conflict-round-closed = Enkätomgången är avslutad och tar inte emot fler svar.
conflict-token-used = Inbjudan har redan använts för att svara.
conflict-version-draft = Versionen är ett utkast. Publicera den innan en omgång kan använda den.
