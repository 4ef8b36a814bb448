import type { Vocabulary } from './term.js';

const base = 'https://hdeu-dcat.data.health.europa.eu/resource/authority/health-theme/';

function term(code: string, en: string, fr: string) {
  return { uri: base + code, en, fr };
}

/** HealthDCAT-AP health themes. */
export const healthThemes = {
  CLIMATE_HEALTH: term('CLIMATE_HEALTH', 'Climate health', 'Santé et climat'),
  ANTIMICROBIAL_CONTROL: term('ANTIMICROBIAL_CONTROL', 'Antimicrobial control', 'Lutte antimicrobienne'),
  ENVIRONMENTAL_HEALTH: term('ENVIRONMENTAL_HEALTH', 'Environmental health', 'Santé environnementale'),
  BLOOD_INFECTIONS: term('BLOOD_INFECTIONS', 'Blood infections', 'Infections du sang'),
  HEALTH_SYSTEMS: term('HEALTH_SYSTEMS', 'Health systems', 'Systèmes de santé'),
  SENSORY_HEALTH: term('SENSORY_HEALTH', 'Sensory health', 'Santé sensorielle'),
  RESPIRATORY_DISEASES: term('RESPIRATORY_DISEASES', 'Respiratory diseases', 'Maladies respiratoires'),
  LIFECOURSE_HEALTH: term('LIFECOURSE_HEALTH', 'Life-course health', 'Santé aux différents âges de la vie'),
  IMMUNIZATION_DISEASES: term('IMMUNIZATION_DISEASES', 'Vaccine-preventable diseases', 'Maladies évitables par la vaccination'),
  ENTERIC_INFECTIONS: term('ENTERIC_INFECTIONS', 'Enteric infections', 'Infections entériques'),
  INJURY_PREVENTION: term('INJURY_PREVENTION', 'Injury prevention', 'Prévention des traumatismes'),
  EMERGENCY_SETTINGS: term('EMERGENCY_SETTINGS', 'Emergency settings', "Situations d'urgence"),
  CANCER_DISEASE: term('CANCER_DISEASE', 'Cancer', 'Cancer'),
  VECTOR_DISEASES: term('VECTOR_DISEASES', 'Vector-borne diseases', 'Maladies vectorielles'),
  HEALTH_PRODUCTS: term('HEALTH_PRODUCTS', 'Health products', 'Produits de santé'),
  NONCOMMUNICABLE_DISEASES: term('NONCOMMUNICABLE_DISEASES', 'Noncommunicable diseases', 'Maladies non transmissibles'),
  MENTAL_HEALTH: term('MENTAL_HEALTH', 'Mental health', 'Santé mentale'),
  REPRODUCTIVE_HEALTH: term('REPRODUCTIVE_HEALTH', 'Reproductive health', 'Santé reproductive'),
  NUTRITION_SECURITY: term('NUTRITION_SECURITY', 'Nutrition security', 'Sécurité nutritionnelle'),
  TROPICAL_DISEASES: term('TROPICAL_DISEASES', 'Tropical diseases', 'Maladies tropicales'),
} as const satisfies Vocabulary<string>;

export type HealthThemeCode = keyof typeof healthThemes;
