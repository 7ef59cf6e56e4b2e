package diplograph

// The controlled vocabularies of the Extraction contract. Each is a string type with the list of its
// values, so that the JSON Schema, the GraphQL enums and the validators are all generated from, or
// checked against, one place.

// EntityType is the kind of an entity.
type EntityType string

const (
	EntityCountry      EntityType = "COUNTRY"
	EntityPerson       EntityType = "PERSON"
	EntityOrganization EntityType = "ORGANIZATION"
)

// EntityTypes lists every EntityType.
var EntityTypes = []EntityType{EntityCountry, EntityPerson, EntityOrganization}

// Title is the office a person holds, normalized across languages and countries ("US Secretary of
// State" and "وزير الخارجية" are both FOREIGN_MINISTER).
type Title string

const (
	TitleHeadOfState           Title = "HEAD_OF_STATE"
	TitlePresident             Title = "PRESIDENT"
	TitleVicePresident         Title = "VICE_PRESIDENT"
	TitleKing                  Title = "KING"
	TitleEmir                  Title = "EMIR"
	TitleSultan                Title = "SULTAN"
	TitleCrownPrince           Title = "CROWN_PRINCE"
	TitlePrimeMinister         Title = "PRIME_MINISTER"
	TitleDeputyPrimeMinister   Title = "DEPUTY_PRIME_MINISTER"
	TitleForeignMinister       Title = "FOREIGN_MINISTER"
	TitleDeputyForeignMinister Title = "DEPUTY_FOREIGN_MINISTER"
	TitleDefenseMinister       Title = "DEFENSE_MINISTER"
	TitleInteriorMinister      Title = "INTERIOR_MINISTER"
	TitleMinister              Title = "MINISTER"
	TitleAmbassador            Title = "AMBASSADOR"
	TitleEnvoy                 Title = "ENVOY"
	TitleSpokesperson          Title = "SPOKESPERSON"
	TitleSecretaryGeneral      Title = "SECRETARY_GENERAL"
	TitleSpeaker               Title = "SPEAKER"
	TitleLawmaker              Title = "LAWMAKER"
	TitleMilitaryChief         Title = "MILITARY_CHIEF"
	TitleIntelligenceChief     Title = "INTELLIGENCE_CHIEF"
	TitleOfficial              Title = "OFFICIAL"
)

// Titles lists every Title, most senior first; the order breaks ties when a person holds several.
var Titles = []Title{
	TitleHeadOfState, TitleKing, TitleEmir, TitleSultan, TitlePresident, TitleCrownPrince, TitlePrimeMinister,
	TitleVicePresident, TitleDeputyPrimeMinister, TitleForeignMinister, TitleDefenseMinister,
	TitleInteriorMinister, TitleMinister, TitleDeputyForeignMinister, TitleSecretaryGeneral, TitleSpeaker,
	TitleMilitaryChief, TitleIntelligenceChief, TitleEnvoy, TitleAmbassador, TitleSpokesperson,
	TitleLawmaker, TitleOfficial,
}

// EventType is the kind of an event, aligned with PLOVER (see docs/extraction.md for the mapping).
type EventType string

const (
	EventMeeting   EventType = "MEETING"
	EventVisit     EventType = "VISIT"
	EventPhoneCall EventType = "PHONE_CALL"
	EventAgreement EventType = "AGREEMENT"
	EventSanction  EventType = "SANCTION"
	EventAccuse    EventType = "ACCUSE"
	EventRequest   EventType = "REQUEST"
	EventAid       EventType = "AID"
	EventThreaten  EventType = "THREATEN"
	EventCooperate EventType = "COOPERATE"
	EventProtest   EventType = "PROTEST"
)

// EventTypes lists every EventType.
var EventTypes = []EventType{
	EventMeeting, EventVisit, EventPhoneCall, EventAgreement, EventSanction, EventAccuse, EventRequest,
	EventAid, EventThreaten, EventCooperate, EventProtest,
}

// Group is the family an event type belongs to when events from different articles are compared:
// a meeting, a visit and a call between the same parties on the same days are the same consultation.
func (t EventType) Group() string {
	switch t {
	case EventMeeting, EventVisit, EventPhoneCall:
		return "CONSULT"
	case EventAgreement:
		return "AGREE"
	}
	return string(t)
}

// ParticipantRole is the part an entity plays in an event.
type ParticipantRole string

const (
	RoleHost        ParticipantRole = "HOST"
	RoleGuest       ParticipantRole = "GUEST"
	RoleSignatory   ParticipantRole = "SIGNATORY"
	RoleParticipant ParticipantRole = "PARTICIPANT"
)

// ParticipantRoles lists every ParticipantRole.
var ParticipantRoles = []ParticipantRole{RoleHost, RoleGuest, RoleSignatory, RoleParticipant}

// Stance is whether a holder is for or against a topic.
type Stance string

const (
	StanceSupports Stance = "SUPPORTS"
	StanceOpposes  Stance = "OPPOSES"
)

// Stances lists every Stance.
var Stances = []Stance{StanceSupports, StanceOpposes}

// StanceKind is the speech act a stance was stated with.
type StanceKind string

const (
	KindStates    StanceKind = "STATES"
	KindReaffirms StanceKind = "REAFFIRMS"
	KindWelcomes  StanceKind = "WELCOMES"
	KindCallsFor  StanceKind = "CALLS_FOR"
	KindCondemns  StanceKind = "CONDEMNS"
	KindRejects   StanceKind = "REJECTS"
	KindWarns     StanceKind = "WARNS"
	KindCommits   StanceKind = "COMMITS"
)

// StanceKinds lists every StanceKind.
var StanceKinds = []StanceKind{KindStates, KindReaffirms, KindWelcomes, KindCallsFor, KindCondemns, KindRejects, KindWarns, KindCommits}

// Topic is what a position is about.
type Topic string

const (
	TopicTerritorialIntegrity Topic = "TERRITORIAL_INTEGRITY"
	TopicSovereignty          Topic = "SOVEREIGNTY"
	TopicPartition            Topic = "PARTITION"
	TopicForeignInterference  Topic = "FOREIGN_INTERFERENCE"
	TopicMilitaryAction       Topic = "MILITARY_ACTION"
	TopicSanctions            Topic = "SANCTIONS"
	TopicTerrorism            Topic = "TERRORISM"
	TopicBilateralRelations   Topic = "BILATERAL_RELATIONS"
	TopicMilitaryCooperation  Topic = "MILITARY_COOPERATION"
	TopicEconomicCooperation  Topic = "ECONOMIC_COOPERATION"
	TopicReconstruction       Topic = "RECONSTRUCTION"
	TopicPoliticalSettlement  Topic = "POLITICAL_SETTLEMENT"
	TopicCeasefire            Topic = "CEASEFIRE"
	TopicHumanitarianAid      Topic = "HUMANITARIAN_AID"
	TopicRefugeeReturn        Topic = "REFUGEE_RETURN"
	TopicPalestinianState     Topic = "PALESTINIAN_STATE"
	TopicOccupation           Topic = "OCCUPATION"
	TopicNuclearProgram       Topic = "NUCLEAR_PROGRAM"
	TopicHumanRights          Topic = "HUMAN_RIGHTS"
	TopicElections            Topic = "ELECTIONS"
)

// Topics lists every Topic.
var Topics = []Topic{
	TopicTerritorialIntegrity, TopicSovereignty, TopicPartition, TopicForeignInterference, TopicMilitaryAction,
	TopicSanctions, TopicTerrorism, TopicBilateralRelations, TopicMilitaryCooperation, TopicEconomicCooperation,
	TopicReconstruction, TopicPoliticalSettlement, TopicCeasefire, TopicHumanitarianAid, TopicRefugeeReturn,
	TopicPalestinianState, TopicOccupation, TopicNuclearProgram, TopicHumanRights, TopicElections,
}

// Modality says whether an event or position is reported as real.
type Modality string

const (
	ModalityAsserted     Modality = "ASSERTED"
	ModalityPlanned      Modality = "PLANNED"
	ModalityNegated      Modality = "NEGATED"
	ModalityHypothetical Modality = "HYPOTHETICAL"
)

// Modalities lists every Modality.
var Modalities = []Modality{ModalityAsserted, ModalityPlanned, ModalityNegated, ModalityHypothetical}

// Precision is how much of a date is known.
type Precision string

const (
	PrecisionDay   Precision = "DAY"
	PrecisionMonth Precision = "MONTH"
	PrecisionYear  Precision = "YEAR"
)

// Precisions lists every Precision, finest first.
var Precisions = []Precision{PrecisionDay, PrecisionMonth, PrecisionYear}

// In reports whether v is one of values.
func In[T comparable](v T, values []T) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}
